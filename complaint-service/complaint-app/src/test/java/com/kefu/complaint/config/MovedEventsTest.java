package com.kefu.complaint.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.Complaints;
import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import com.kefu.complaint.event.CustomerContactRecordedEvent;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Stores written by earlier versions of complaint-service still read (S3). */
class MovedEventsTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore events;

    @Test
    @DisplayName("S3 a customer's contact kept in an event of its own, stored under the event's old class, is read as "
            + "the moved one; one registered today keeps it in the registration, one event row")
    void oldClassNameReads() {
        String id = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-11-02T03:00:00Z");
        events.publish(
                new GenericDomainEventMessage<>("Complaint", id, 0, new ComplaintReceivedEvent(id, "KF-202611-90001",
                        Channel.PHONE, Category.SERVICE_ATTITUDE, Severity.NORMAL, Priority.NORMAL,
                        new CustomerReference("王芳", "139****4321", null), null, "旧存储 old store", null, "desk", at,
                        null)),
                new GenericDomainEventMessage<>("Complaint", id, 1,
                        new CustomerContactRecordedEvent(id, "13987654321")));
        int renamed = jdbc.update("""
                update domain_event_entry set payload_type = 'com.kefu.complaint.command.CustomerContactRecordedEvent'
                where aggregate_identifier = ? and payload_type = 'com.kefu.complaint.event.CustomerContactRecordedEvent'
                """, id);
        assertThat(renamed).isEqualTo(1);

        JsonNode contact = expect(call(HttpMethod.GET, AFTER_SALES, "/api/complaints/" + id + "/contact?reason=回访",
                null), 200);
        assertThat(contact.get("name").asText()).isEqualTo("王芳");
        assertThat(contact.get("phone").asText()).isEqualTo("13987654321");

        String today = expect(call(HttpMethod.POST, DESK, "/api/complaints", Complaints.phoneCall("新存储 new store")),
                201).get("id").asText();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, today)).isEqualTo(1);
        assertThat(expect(call(HttpMethod.GET, AFTER_SALES, "/api/complaints/" + today + "/contact?reason=回访", null),
                200).get("phone").asText()).isEqualTo("13812345678");
    }
}
