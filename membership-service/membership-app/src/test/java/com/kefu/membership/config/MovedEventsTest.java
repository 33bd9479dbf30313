package com.kefu.membership.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.membership.Members;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A store written before the member's contact event moved into {@code event/} still reads (S3). */
class MovedEventsTest extends ServiceTest {

    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("S3 a member's contact stored under the event's old class is read as the moved one")
    void oldClassNameReads() {
        Map<String, Object> body = Members.gold("旧存储 old store");
        String id = expect(call(HttpMethod.POST, AFTER_SALES, "/api/members", body), 201).get("id").asText();
        int renamed = jdbc.update("""
                update domain_event_entry set payload_type = 'com.kefu.membership.command.MemberContactRecordedEvent'
                where aggregate_identifier = ? and payload_type = 'com.kefu.membership.event.MemberContactRecordedEvent'
                """, id);
        assertThat(renamed).isEqualTo(1);

        JsonNode contact = expect(call(HttpMethod.GET, AFTER_SALES, "/api/members/" + id + "/contact?reason=回访", null),
                200);
        assertThat(contact.get("phone").asText()).isEqualTo(body.get("phone"));
    }
}
