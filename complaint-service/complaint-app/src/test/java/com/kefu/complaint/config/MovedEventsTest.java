package com.kefu.complaint.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.Complaints;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A store written before the customer's contact event moved into {@code event/} still reads (S3). */
class MovedEventsTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("S3 a customer's contact stored under the event's old class is read as the moved one")
    void oldClassNameReads() {
        String id = expect(call(HttpMethod.POST, DESK, "/api/complaints", Complaints.phoneCall("旧存储 old store")), 201)
                .get("id").asText();
        int renamed = jdbc.update("""
                update domain_event_entry set payload_type = 'com.kefu.complaint.command.CustomerContactRecordedEvent'
                where aggregate_identifier = ? and payload_type = 'com.kefu.complaint.event.CustomerContactRecordedEvent'
                """, id);
        assertThat(renamed).isEqualTo(1);

        JsonNode contact = expect(call(HttpMethod.GET, AFTER_SALES, "/api/complaints/" + id + "/contact?reason=回访",
                null), 200);
        assertThat(contact.get("phone").asText()).isEqualTo("13812345678");
    }
}
