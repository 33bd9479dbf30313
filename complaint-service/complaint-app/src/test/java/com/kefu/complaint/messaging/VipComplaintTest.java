package com.kefu.complaint.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.Complaints;
import com.kefu.membership.api.MembershipTopics;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import com.kefu.platform.test.Topics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** complaint-service learns VIP members from membership.events (C4), against real PostgreSQL and Kafka. */
class VipComplaintTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    private static void tierChanged(String memberId, String from, String to, Instant at) {
        tierChanged(memberId, memberId, from, to, at);
    }

    /** {@code key}: the record's key, which decides its partition and so its order among the others. */
    private static void tierChanged(String key, String memberId, String from, String to, Instant at) {
        String envelope = """
                {"id":"%s","type":"MemberTierChanged","version":1,"aggregateId":"%s","sequence":1,
                 "occurredAt":"%s","actor":"aftersales","department":null,
                 "data":{"memberId":"%s","cardNumber":"800000000017","previousTier":"%s","tier":"%s",
                         "changedBy":"aftersales","changedAt":"%s"}}"""
                .formatted(UUID.randomUUID(), memberId, at, memberId, from, to, at);
        Topics.publish(MembershipTopics.EVENTS, key, envelope.getBytes(StandardCharsets.UTF_8));
    }

    private String tierOf(String memberId) {
        return jdbc.queryForList("select tier from member_tier where member_id = ?", String.class, memberId)
                   .stream().findFirst().orElse(null);
    }

    private String priorityOfComplaintBy(String memberId) {
        Map<String, Object> body = new HashMap<>(Complaints.phoneCall("VIP " + memberId));
        body.put("customer", Map.of("name", "Анна", "phone", "+79140000000", "memberId", memberId));
        JsonNode created = api().post().uri("/api/complaints")
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("desk", "FRONT_DESK"))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class);
        return created.get("priority").asText();
    }

    @Test
    @DisplayName("C4 a member who became VIP on membership.events has URGENT complaints; one who left VIP does not")
    void vipComplaintsAreUrgent() {
        String memberId = "m-" + UUID.randomUUID();
        Instant now = clock.instant();
        assertThat(priorityOfComplaintBy(memberId)).isEqualTo("NORMAL");

        tierChanged(memberId, "GOLD", "VIP", now.minusSeconds(60));
        await().atMost(Duration.ofSeconds(20)).until(() -> "VIP".equals(tierOf(memberId)));
        assertThat(priorityOfComplaintBy(memberId)).isEqualTo("URGENT");

        tierChanged(memberId, "VIP", "GOLD", now.minusSeconds(10));
        tierChanged(memberId, "SILVER", "VIP", now.minusSeconds(120)); // older, arriving late: changes nothing
        String marker = "m-" + UUID.randomUUID();
        tierChanged(memberId, marker, "GOLD", "VIP", now); // same partition: once it is in, so are the others
        await().atMost(Duration.ofSeconds(20)).until(() -> "VIP".equals(tierOf(marker)));
        assertThat(tierOf(memberId)).isEqualTo("GOLD");
        assertThat(priorityOfComplaintBy(memberId)).isEqualTo("NORMAL");
    }
}
