package com.kefu.complaint.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.Complaints;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A1 the auditors' check of complaint-service's event store finds an event changed directly in PostgreSQL and one
 * deleted from the middle of a history, and names the first; the store is intact again once the rows are as they
 * were. Only AUDITOR and ADMIN may ask.
 */
class EventChainTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");
    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");
    private static final String ADMIN = Tokens.bearer("admin", "ADMIN");
    private static final String SECURITY = Tokens.departmentBearer("security", "security");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("A1 an event changed or deleted in PostgreSQL is found and named; intact before and after")
    void changedAndDeletedEventsAreFound() {
        String first = register("chain 1");
        String second = register("chain 2");
        assertThat(call(AFTER_SALES, "POST", "/api/complaints/" + second + "/assign",
                "{\"department\":\"security\"}").path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(call(SECURITY, "POST", "/api/complaints/" + second + "/acknowledge", "{}").path("status").asText())
                .isEqualTo("ASSIGNED");

        JsonNode intact = verify(AUDITOR);
        assertThat(intact.get("service").asText()).isEqualTo("complaint");
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("events").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(intact.get("head").asText()).hasSize(64);
        assertThat(verify(ADMIN).get("head").asText()).isEqualTo(intact.get("head").asText());

        // a changed event: its own hash no longer matches what it holds
        Map<String, Object> received = jdbc.queryForMap("select global_index, payload from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 0", first);
        jdbc.update("update domain_event_entry set payload = payload || ' '::bytea where global_index = ?",
                received.get("global_index"));
        JsonNode changed = verify(AUDITOR);
        assertThat(changed.get("intact").asBoolean()).isFalse();
        assertThat(changed.get("firstBroken").get("aggregateId").asText()).isEqualTo(first);
        assertThat(changed.get("firstBroken").get("globalIndex").asLong())
                .isEqualTo(((Number) received.get("global_index")).longValue());
        assertThat(changed.get("head").asText()).isEqualTo(intact.get("head").asText());
        jdbc.update("update domain_event_entry set payload = ? where global_index = ?", received.get("payload"),
                received.get("global_index"));
        assertThat(verify(AUDITOR).get("intact").asBoolean()).isTrue();

        // an event deleted from the middle of a history: the one after it no longer follows
        Map<String, Object> assigned = jdbc.queryForMap("select * from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 1", second);
        jdbc.update("delete from domain_event_entry where global_index = ?", assigned.get("global_index"));
        JsonNode deleted = verify(AUDITOR);
        assertThat(deleted.get("intact").asBoolean()).isFalse();
        assertThat(deleted.get("firstBroken").get("aggregateId").asText()).isEqualTo(second);
        assertThat(deleted.get("head").asText()).isNotEqualTo(intact.get("head").asText());
        jdbc.update("""
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", assigned.get("global_index"),
                assigned.get("aggregate_identifier"), assigned.get("sequence_number"), assigned.get("type"),
                assigned.get("event_identifier"), assigned.get("meta_data"), assigned.get("payload"),
                assigned.get("payload_revision"), assigned.get("payload_type"), assigned.get("time_stamp"));
        JsonNode restored = verify(AUDITOR);
        assertThat(restored.get("intact").asBoolean()).isTrue();
        assertThat(restored.get("head").asText()).isEqualTo(intact.get("head").asText());
    }

    @Test
    @DisplayName("A1 S4 only AUDITOR and ADMIN ask for the check; a service answers only for its own store")
    void onlyAuditorsAsk() {
        assertThat(status(DESK, "/api/audit/complaint/verify")).isEqualTo(403);
        assertThat(status(AFTER_SALES, "/api/audit/complaint/verify")).isEqualTo(403);
        assertThat(status(AUDITOR, "/api/audit/dutylog/verify")).isEqualTo(404);
    }

    private String register(String subject) {
        return api().post().uri("/api/complaints").header("Authorization", DESK)
                .contentType(MediaType.APPLICATION_JSON).body(Complaints.phoneCall(subject)).retrieve()
                .body(JsonNode.class).get("id").asText();
    }

    private JsonNode verify(String token) {
        return call(token, "GET", "/api/audit/complaint/verify", null);
    }

    private JsonNode call(String token, String method, String path, String json) {
        var request = api().method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .header("Authorization", token);
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        var answer = request.retrieve().toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isBetween(200, 299);
        return answer.getBody();
    }

    private int status(String token, String path) {
        return api().get().uri(path).header("Authorization", token).retrieve().toEntity(String.class)
                .getStatusCode().value();
    }
}
