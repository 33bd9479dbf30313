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
import java.time.Instant;
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
        return stages(id, "ComplaintDeadlineMissed");
    }

    private List<String> stages(String id, String type) {
        List<String> stages = new ArrayList<>();
        call("GET", Tokens.bearer("auditor", "AUDITOR"), "/api/complaints/" + id + "/history", null)
                .forEach(entry -> {
                    if (entry.get("type").asText().equals(type)) {
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

    @Test
    @DisplayName("C17 at four fifths of a stage's time the watch has the complaint warn once (an event in its history); the view shows when the stage is due")
    void warnsOnceAtFourFifths() {
        String id = call("POST", Tokens.bearer("desk", "FRONT_DESK"), "/api/complaints",
                Complaints.phoneCall("warning")).get("id").asText();
        awaitStage(id, "RECEIVED");
        JsonNode view = call("GET", Tokens.bearer("aftersales", "AFTER_SALES"), "/api/complaints/" + id, null);
        Instant received = Instant.parse(view.get("receivedAt").asText());
        assertThat(Instant.parse(view.get("dueAt").asText())).isEqualTo(received.plus(Duration.ofHours(4)));

        clock.advance(Duration.ofMinutes(191)); // four fifths of NORMAL's 4 h in RECEIVED are 3 h 12 min
        watch.check();
        assertThat(stages(id, "ComplaintDeadlineApproaching")).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        watch.check();
        watch.check();
        assertThat(stages(id, "ComplaintDeadlineApproaching")).containsExactly("RECEIVED");
        assertThat(stagesMissed(id)).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from complaint_deadline where complaint_id = ? and warned_at is not null",
                Integer.class, id) == 1);

        call("POST", Tokens.bearer("aftersales", "AFTER_SALES"), "/api/complaints/" + id + "/assign",
                Map.of("department", "security"));
        JsonNode assigned = call("GET", Tokens.departmentBearer("security", "security"), "/api/complaints/" + id,
                null);
        Instant assignedAt = null;
        for (JsonNode entry : call("GET", Tokens.bearer("auditor", "AUDITOR"), "/api/complaints/" + id + "/history",
                null)) {
            if (entry.get("type").asText().equals("ComplaintAssigned")) {
                assignedAt = Instant.parse(entry.get("data").get("assignedAt").asText());
            }
        }
        // the view keeps microseconds, the event the clock's nanoseconds
        assertThat(Instant.parse(assigned.get("dueAt").asText())).isCloseTo(assignedAt.plus(Duration.ofHours(72)),
                org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));
        clock.advance(Duration.ofHours(58)); // four fifths of 72 h are 57 h 36 min
        watch.check();
        assertThat(stages(id, "ComplaintDeadlineApproaching")).containsExactly("RECEIVED", "ASSIGNED");
        assertThat(stagesMissed(id)).isEmpty();
    }

    @Test
    @DisplayName("C17 the queue sorted by dueAt: the stage due soonest first, archived ones last; another order is a 400")
    void listSortedByDueAt() {
        call("POST", Tokens.bearer("desk", "FRONT_DESK"), "/api/complaints", Complaints.phoneCall("sorted"));
        JsonNode page = call("GET", Tokens.bearer("aftersales", "AFTER_SALES"), "/api/complaints?sort=dueAt&size=100",
                null);
        List<Instant> due = new ArrayList<>();
        page.get("items").forEach(item -> due.add(!item.hasNonNull("dueAt") ? null
                : Instant.parse(item.get("dueAt").asText())));
        int open = due.indexOf(null) < 0 ? due.size() : due.indexOf(null);
        assertThat(open).isPositive();
        assertThat(due.subList(0, open)).isSorted();
        assertThat(due.subList(open, due.size())).allMatch(java.util.Objects::isNull);

        var refused = api().get().uri("/api/complaints?sort=number")
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("aftersales", "AFTER_SALES"))
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(refused).isEqualTo(400);
    }
}
