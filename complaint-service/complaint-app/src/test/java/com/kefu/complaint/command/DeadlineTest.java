package com.kefu.complaint.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.Complaints;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deadlines (C10) with a clock the test moves, against real PostgreSQL and Kafka. The clock starts late in the evening
 * ({@link com.kefu.platform.test.LateEveningClock}): the deadline is missed after midnight, on the next day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kefu.complaints.scheduling=false")
class DeadlineTest extends ServiceTest {

    @Autowired
    MutableClock clock;

    @Autowired
    DeadlineWatch watch;

    @Autowired
    JdbcTemplate jdbc;

    private JsonNode call(String method, String token, String path, Object body) {
        var request = api().method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON);
        return (body == null ? request : request.body(body)).retrieve().body(JsonNode.class);
    }

    private List<String> stagesMissed(String id) {
        List<String> stages = new ArrayList<>();
        call("GET", Tokens.bearer("auditor", "AUDITOR"), "/api/complaints/" + id + "/history", null)
                .forEach(entry -> {
                    if (entry.get("type").asText().equals("ComplaintDeadlineMissed")) {
                        stages.add(entry.get("data").get("stage").asText());
                    }
                });
        return stages;
    }

    private void awaitStage(String id, String stage) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "select stage from complaint_deadline where complaint_id = ?", String.class, id).contains(stage));
    }

    @Test
    @DisplayName("C10 a stage that outlives its deadline is recorded once as ComplaintDeadlineMissed and listed for the supervisor")
    void missedDeadlinesAreEvents() {
        JsonNode created = call("POST", Tokens.bearer("desk", "FRONT_DESK"), "/api/complaints",
                Complaints.phoneCall("deadline"));
        String id = created.get("id").asText();
        awaitStage(id, "RECEIVED");

        clock.advance(Duration.ofHours(3)); // NORMAL may stay RECEIVED for 4 h
        watch.check();
        assertThat(stagesMissed(id)).isEmpty();

        clock.advance(Duration.ofHours(2));
        assertThat(watch.check()).isPositive();
        assertThat(stagesMissed(id)).containsExactly("RECEIVED");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from complaint_deadline where complaint_id = ? and missed_at is not null",
                Integer.class, id) == 1);
        watch.check();
        assertThat(stagesMissed(id)).containsExactly("RECEIVED");

        List<String> listed = new ArrayList<>();
        call("GET", Tokens.bearer("supervisor", "SUPERVISOR"), "/api/complaints/missed-deadlines", null)
                .forEach(missed -> listed.add(missed.get("number").asText() + "/" + missed.get("stage").asText()));
        assertThat(listed).contains(created.get("number").asText() + "/RECEIVED");

        call("POST", Tokens.bearer("aftersales", "AFTER_SALES"), "/api/complaints/" + id + "/assign",
                Map.of("department", "security"));
        awaitStage(id, "ASSIGNED");
        clock.advance(Duration.ofHours(73)); // NORMAL may stay ASSIGNED for 72 h
        watch.check();
        assertThat(stagesMissed(id)).containsExactly("RECEIVED", "ASSIGNED");
    }
}
