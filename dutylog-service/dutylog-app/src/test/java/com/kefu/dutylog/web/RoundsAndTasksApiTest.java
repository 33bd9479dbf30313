package com.kefu.dutylog.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.dutylog.Shifts;
import com.kefu.dutylog.api.DutylogTopics;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import com.kefu.platform.test.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's rounds with their repair orders (D16) and tasks from superiors (D19) over HTTP against real PostgreSQL
 * and Kafka: what is still open travels on the shift's page and its handover. Reads follow writes at once; every time
 * comes from the service's clock, which the test holds still and moves.
 */
class RoundsAndTasksApiTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String NIGHT = Tokens.bearer("night", "FRONT_DESK");
    private static final String EVENING = Tokens.bearer("evening", "FRONT_DESK");
    private static final String MANAGER = Tokens.bearer("manager", "CS_MANAGER");
    private static final String SUPERVISOR = Tokens.bearer("supervisor", "SUPERVISOR");
    private static final String ENGINEERING = Tokens.departmentBearer("eng", "engineering");
    private static final String SECURITY_DEPT = Tokens.departmentBearer("guard", "security");

    @Autowired
    MutableClock clock;

    @BeforeEach
    void stillClock() {
        clock.stop();
        clock.set(clock.instant().truncatedTo(ChronoUnit.MICROS)); // as PostgreSQL keeps it: no rounding
    }


    private ResponseEntity<JsonNode> post(String token, String path, Object body) {
        return call(HttpMethod.POST, token, path, body);
    }

    private JsonNode get(String token, String path) {
        return expect(call(HttpMethod.GET, token, path, null), 200);
    }


    private static void refused(ResponseEntity<JsonNode> response, String rule) {
        JsonNode problem = expect(response, 409);
        assertThat(problem.get("rule").asText()).isEqualTo(rule);
    }

    /** A 400 whose problem names what is wrong. */
    private static void invalid(ResponseEntity<JsonNode> response, String what) {
        assertThat(expect(response, 400).get("detail").asText()).contains(what);
    }

    private static String post() {
        return "post-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Both sign (D15): {@code from} proposes the handover to night, who accepts; answers the next page's id. */
    private String handOver(String token, String shift) {
        expect(post(token, "/api/shifts/" + shift + "/handover", Shifts.handover("night")), 200);
        return expect(post(NIGHT, "/api/shifts/" + shift + "/handover/acceptance", null), 201).get("next").get("id")
                .asText();
    }

    @Test
    @DisplayName("D16 a round of the lobby records a result per facility; its fault is a repair order to engineering, "
            + "on the shift's page and its handover until engineering, and only engineering, has acknowledged and "
            + "closed it, in that order; published on dutylog.events")
    void roundsAndRepairOrders() throws Exception {
        String shift = expect(post(DESK, "/api/shifts", Shifts.open(post())), 201).get("id").asText();
        invalid(post(DESK, "/api/rounds", Map.of("area", "大厅", "items", List.of())), "items");
        invalid(post(DESK, "/api/rounds", Map.of("area", "大厅", "items",
                List.of(Map.of("item", "电梯 2", "result", "FAULT")))), "items[0].note");
        invalid(post(DESK, "/api/rounds", Map.of("area", "大厅", "items",
                List.of(Map.of("item", "电梯 2", "result", "BROKEN")))), "result");

        Instant roundAt = clock.instant();
        var created = post(DESK, "/api/rounds", Shifts.round());
        JsonNode round = expect(created, 201);
        String roundId = round.get("id").asText();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/rounds/" + roundId);
        assertThat(round.get("checks").findValuesAsText("result")).containsExactly("OK", "FAULT");
        assertThat(round.get("checks").get(0).hasNonNull("repairOrderId")).isFalse();
        assertThat(round.get("faults").asInt()).isEqualTo(1);
        assertThat(round.get("recordedBy").asText()).isEqualTo("desk");
        assertThat(Instant.parse(round.get("recordedAt").asText())).isEqualTo(roundAt.truncatedTo(ChronoUnit.MICROS));
        String orderId = round.get("checks").get(1).get("repairOrderId").asText();
        String order = "/api/repair-orders/" + orderId;
        assertThat(get(SUPERVISOR, "/api/rounds").findValuesAsText("id")).contains(roundId);

        JsonNode opened = get(ENGINEERING, order);
        assertThat(opened.get("status").asText()).isEqualTo("OPEN");
        assertThat(opened.get("department").asText()).isEqualTo("engineering");
        assertThat(opened.get("item").asText()).isEqualTo("电梯 2 / лифт 2");
        assertThat(opened.get("fault").asText()).isEqualTo("门关不上 / не закрываются двери");
        assertThat(opened.get("roundId").asText()).isEqualTo(roundId);
        assertThat(get(ENGINEERING, "/api/repair-orders?open=true").findValuesAsText("id")).contains(orderId);
        assertThat(get(SECURITY_DEPT, "/api/repair-orders").findValuesAsText("id")).doesNotContain(orderId);
        expect(call(HttpMethod.GET, SECURITY_DEPT, order, null), 404);
        assertThat(get(DESK, "/api/shifts/" + shift).get("openRepairOrders").findValuesAsText("id")).contains(orderId);

        expect(post(DESK, order + "/acknowledgement", null), 403);
        refused(post(SECURITY_DEPT, order + "/acknowledgement", null), "repair-order-other-department");
        refused(post(ENGINEERING, order + "/closure", Map.of("result", "换了门机")), "repair-order-not-acknowledged");
        clock.advance(Duration.ofMinutes(20));
        JsonNode acknowledged = expect(post(ENGINEERING, order + "/acknowledgement", Map.of("note", "下午来修")), 200);
        assertThat(acknowledged.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.get("acknowledgedBy").asText()).isEqualTo("eng");
        assertThat(Instant.parse(acknowledged.get("acknowledgedAt").asText())).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS));
        refused(post(ENGINEERING, order + "/acknowledgement", null), "repair-order-acknowledged");

        clock.advance(Duration.ofMinutes(10));
        String next = handOver(DESK, shift);
        JsonNode handedOver = get(NIGHT, "/api/shifts/" + shift).get("openRepairOrders");
        assertThat(handedOver.findValuesAsText("id")).contains(orderId);
        assertThat(get(NIGHT, "/api/shifts/" + next).get("openRepairOrders").findValuesAsText("id")).contains(orderId);

        clock.advance(Duration.ofHours(1));
        invalid(post(ENGINEERING, order + "/closure", Map.of("result", " ")), "result");
        refused(post(SECURITY_DEPT, order + "/closure", Map.of("result", "x")), "repair-order-other-department");
        JsonNode closed = expect(post(ENGINEERING, order + "/closure", Map.of("result", "换了门机 / заменили привод")),
                200);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(Instant.parse(closed.get("closedAt").asText())).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS));
        refused(post(ENGINEERING, order + "/closure", Map.of("result", "again")), "repair-order-closed");
        assertThat(get(NIGHT, "/api/shifts/" + next).get("openRepairOrders").findValuesAsText("id"))
                .doesNotContain(orderId);
        JsonNode asHandedOver = get(NIGHT, "/api/shifts/" + shift).get("openRepairOrders");
        assertThat(asHandedOver.findValuesAsText("id")).contains(orderId);
        assertThat(get(ENGINEERING, "/api/repair-orders?open=true").findValuesAsText("id")).doesNotContain(orderId);
        assertThat(get(MANAGER, order + "/history").findValuesAsText("type")).hasSize(3);
        assertThat(get(MANAGER, "/api/rounds/" + roundId + "/history")).hasSize(1);
        expect(call(HttpMethod.GET, MANAGER, "/api/rounds/" + orderId, null), 404);

        List<String> published = new ArrayList<>();
        for (var record : Topics.awaitRecords(DutylogTopics.EVENTS, orderId)) {
            JsonNode envelope = new ObjectMapper().readTree(record.value());
            assertThat(envelope.get("version").asInt()).isEqualTo(1);
            published.add(envelope.get("type").asText());
        }
        assertThat(published).containsExactly("RepairOrderOpened", "RepairOrderAcknowledged", "RepairOrderClosed");
    }

    @Test
    @DisplayName("D19 a task from a superior to a post or a person travels on every handover until done, is overdue by "
            + "the service's clock, is marked done once by who did it (a person's only by them), late when past due")
    void tasksTravelUntilDone() {
        String post = post();
        String shift = expect(post(DESK, "/api/shifts", Shifts.open(post)), 201).get("id").asText();
        String elsewhere = expect(post(DESK, "/api/shifts", Shifts.open(post())), 201).get("id").asText();
        Instant now = clock.instant();
        invalid(post(MANAGER, "/api/tasks", Map.of("text", "x", "post", post, "person", "evening",
                "dueAt", now.plusSeconds(3600).toString())), "person");
        invalid(post(MANAGER, "/api/tasks", Map.of("text", "x", "dueAt", now.plusSeconds(3600).toString())),
                "person");
        invalid(post(MANAGER, "/api/tasks", Shifts.taskToPost(post, now.minusSeconds(60))), "dueAt");

        var created = post(SUPERVISOR, "/api/tasks", Shifts.taskToPost(post, now.plus(Duration.ofHours(2))));
        JsonNode toPost = expect(created, 201);
        String postTask = toPost.get("id").asText();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/tasks/" + postTask);
        assertThat(toPost.get("givenBy").asText()).isEqualTo("主管 张");
        assertThat(toPost.get("recordedBy").asText()).isEqualTo("supervisor");
        assertThat(toPost.get("assigneeKind").asText()).isEqualTo("POST");
        assertThat(toPost.get("overdue").asBoolean()).isFalse();
        String personTask = expect(post(DESK, "/api/tasks", Shifts.taskToPerson("evening",
                now.plus(Duration.ofHours(1)))), 201).get("id").asText();

        assertThat(get(DESK, "/api/shifts/" + shift).get("openTasks").findValuesAsText("id"))
                .contains(postTask, personTask);
        assertThat(get(DESK, "/api/shifts/" + elsewhere).get("openTasks").findValuesAsText("id"))
                .contains(personTask).doesNotContain(postTask);

        refused(post(DESK, "/api/tasks/" + personTask + "/done", null), "task-not-yours");
        clock.advance(Duration.ofMinutes(30));
        JsonNode done = expect(post(EVENING, "/api/tasks/" + personTask + "/done", Map.of("note", "打过了")), 200);
        assertThat(done.get("done").asBoolean()).isTrue();
        assertThat(done.get("doneBy").asText()).isEqualTo("evening");
        assertThat(done.get("doneLate").asBoolean()).isFalse();
        assertThat(Instant.parse(done.get("doneAt").asText())).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(get(DESK, "/api/shifts/" + shift).get("openTasks").findValuesAsText("id"))
                .contains(postTask).doesNotContain(personTask);

        clock.advance(Duration.ofHours(3));
        assertThat(get(DESK, "/api/tasks/" + postTask).get("overdue").asBoolean()).isTrue();
        assertThat(get(DESK, "/api/tasks?open=true").findValuesAsText("id")).contains(postTask)
                .doesNotContain(personTask);
        String next = handOver(DESK, shift);
        JsonNode carried = get(NIGHT, "/api/shifts/" + next).get("openTasks");
        assertThat(carried.findValuesAsText("id")).contains(postTask).doesNotContain(personTask);
        for (JsonNode task : carried) {
            if (task.get("id").asText().equals(postTask)) {
                assertThat(task.get("overdue").asBoolean()).isTrue();
            }
        }

        clock.advance(Duration.ofMinutes(5));
        JsonNode late = expect(post(NIGHT, "/api/tasks/" + postTask + "/done", null), 200);
        assertThat(late.get("doneBy").asText()).isEqualTo("night");
        assertThat(late.get("doneLate").asBoolean()).isTrue();
        assertThat(late.get("overdue").asBoolean()).isFalse();
        refused(post(DESK, "/api/tasks/" + postTask + "/done", null), "task-done");
        assertThat(get(NIGHT, "/api/shifts/" + next).get("openTasks").findValuesAsText("id")).doesNotContain(postTask);
        assertThat(get(NIGHT, "/api/shifts/" + shift).get("openTasks").findValuesAsText("id")).contains(postTask);
        assertThat(get(MANAGER, "/api/tasks/" + postTask + "/history")).hasSize(2);
        expect(call(HttpMethod.GET, MANAGER, "/api/tasks/" + shift + "/history", null), 404);
    }
}
