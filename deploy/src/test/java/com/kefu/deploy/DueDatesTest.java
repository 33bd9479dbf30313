package com.kefu.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Due dates in sight (C17) through the gateway, on the processes {@code up.sh} starts: every open complaint carries
 * when its current stage is due, in the queue (sortable) and on its page; at four fifths of a stage's time the
 * department and the supervisor are warned on their live streams. {@link RunningSystem} gives URGENT complaints 40 s
 * in ASSIGNED, so the warning comes after 32 s.
 */
class DueDatesTest {

    private static LocalSystem system;
    private static Gateway desk;
    private static Gateway aftersales;
    private static Gateway head;
    private static Gateway security;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.local();
        desk = Gateway.signIn(system.gatewayUrl(), "desk");
        aftersales = Gateway.signIn(system.gatewayUrl(), "aftersales");
        head = Gateway.signIn(system.gatewayUrl(), "head");
        security = Gateway.signIn(system.gatewayUrl(), "security");
    }

    @Test
    @DisplayName("C17 via the gateway: each open complaint's dueAt on its page and in the queue, sorted by it on request, "
            + "gone once archived")
    void dueAtOnListAndDetail() {
        var created = desk.post("/api/complaints", complaint("扶梯异响 / скрипит эскалатор", Map.of()));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String c = "/api/complaints/" + created.body().get("id").asText();

        JsonNode view = aftersales.get(c).body();
        Instant received = Instant.parse(view.get("receivedAt").asText());
        assertThat(Instant.parse(view.get("dueAt").asText())).as("NORMAL may stay RECEIVED 4 h")
                .isEqualTo(received.plus(Duration.ofHours(4)));
        assertThat(listed(aftersales.get("/api/complaints?status=RECEIVED&size=100"), c).get("dueAt").asText())
                .isEqualTo(view.get("dueAt").asText());

        var sorted = aftersales.get("/api/complaints?sort=dueAt&size=100");
        assertThat(sorted.status()).isEqualTo(200);
        List<Instant> due = new ArrayList<>();
        sorted.body().get("items").forEach(item -> due.add(!item.hasNonNull("dueAt") ? null
                : Instant.parse(item.get("dueAt").asText())));
        int open = due.indexOf(null) < 0 ? due.size() : due.indexOf(null);
        assertThat(open).isPositive();
        assertThat(due.subList(0, open)).as("soonest first").isSorted();
        assertThat(due.subList(open, due.size())).as("archived last").allMatch(java.util.Objects::isNull);
        var refused = aftersales.get("/api/complaints?sort=subject");
        assertThat(refused.status()).isEqualTo(400);

        assertThat(aftersales.post(c + "/assign", Map.of("department", "security")).status()).isEqualTo(200);
        JsonNode assigned = security.get(c).body();
        assertThat(Instant.parse(assigned.get("dueAt").asText())).as("NORMAL may stay ASSIGNED 72 h")
                .isAfter(received.plus(Duration.ofHours(71)));
        assertThat(listed(security.get("/api/complaints?status=ASSIGNED&size=100"), c).get("dueAt").asText())
                .isEqualTo(assigned.get("dueAt").asText());

        assertThat(security.post(c + "/acknowledge", Map.of()).status()).isEqualTo(200);
        assertThat(security.post(c + "/resolve", Map.of("result", "已上油 / смазали")).status()).isEqualTo(200);
        assertThat(aftersales.post(c + "/follow-up", Map.of("reached", true, "satisfaction", 5)).status())
                .isEqualTo(200);
        assertThat(aftersales.post(c + "/archive", Map.of()).status()).isEqualTo(200);
        assertThat(aftersales.get(c).body().hasNonNull("dueAt")).as("archived: nothing is due").isFalse();
        assertThat(listed(aftersales.get("/api/complaints?status=ARCHIVED&size=100"), c).hasNonNull("dueAt"))
                .isFalse();
    }

    @Test
    @DisplayName("C17 via the gateway: at four fifths of a stage's time the department's stream and the supervisor's "
            + "dashboard are warned, and the complaint's history holds ComplaintDeadlineApproaching")
    void warningOnTheStreams() throws InterruptedException {
        Gateway supervisor = Gateway.signIn(system.gatewayUrl(), "supervisor");
        Gateway auditor = Gateway.signIn(system.gatewayUrl(), "auditor");
        String phone = "+7914" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        var member = aftersales.post("/api/members", Map.of("name", "Ольга Иванова", "phone", phone, "tier", "VIP"));
        assertThat(member.status()).as(String.valueOf(member.body())).isEqualTo(201);
        Map<String, Object> customer = Map.of("name", "Ольга Иванова", "phone", phone,
                "memberId", member.body().get("id").asText());
        // complaint-service learns the member's tier from membership.events: from then on the complaints are URGENT
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var created = desk.post("/api/complaints", complaint("VIP: 试衣间门锁坏 / сломан замок примерочной",
                    Map.of("customer", customer)));
            assertThat(created.body().get("priority").asText()).isEqualTo("URGENT");
            id[0] = created.body().get("id").asText();
        });
        String c = "/api/complaints/" + id[0];

        try (Gateway.EventStream department = security.stream("/api/streams/departments/security");
             Gateway.EventStream dashboard = supervisor.stream("/api/streams/dashboard")) {
            assertThat(department.status()).isEqualTo(200);
            assertThat(dashboard.status()).isEqualTo(200);
            assertThat(department.next(Duration.ofSeconds(10)).name()).isEqualTo("subscribed");
            assertThat(head.post(c + "/assign", Map.of("department", "security")).status()).isEqualTo(200);
            Instant due = Instant.parse(security.get(c).body().get("dueAt").asText());

            Gateway.Event warned = until(department, Duration.ofSeconds(120), event ->
                    "complaint-deadline-approaching".equals(event.name())
                            && id[0].equals(event.data().get("complaintId").asText()));
            assertThat(warned.data().get("stage").asText()).isEqualTo("ASSIGNED");
            assertThat(warned.data().get("priority").asText()).isEqualTo("URGENT");
            assertThat(Instant.parse(warned.data().get("dueAt").asText())).isEqualTo(due);
            assertThat(warned.data().toString()).doesNotContain("Ольга").doesNotContain(phone.substring(4));

            String number = warned.data().get("number").asText();
            until(dashboard, Duration.ofSeconds(60), event -> {
                for (JsonNode approaching : event.data().path("deadlinesApproaching")) {
                    if (number.equals(approaching.get("number").asText())) {
                        return true;
                    }
                }
                return false;
            });
        }
        List<String> types = new ArrayList<>();
        auditor.get(c + "/history").body().forEach(entry -> types.add(entry.get("type").asText()));
        assertThat(types).containsOnlyOnce("ComplaintDeadlineApproaching");
        // done before it is missed, so that no other test's department stream hears of it again
        security.post(c + "/acknowledge", Map.of());
        security.post(c + "/resolve", Map.of("result", "已换锁 / замок заменён"));
    }

    private static Gateway.Event until(Gateway.EventStream stream, Duration patience,
                                       java.util.function.Predicate<Gateway.Event> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Gateway.Event event = stream.poll(Duration.ofSeconds(5));
            if (event != null && wanted.test(event)) {
                return event;
            }
        }
        throw new AssertionError("no such event within " + patience);
    }

    private static JsonNode listed(Gateway.Response page, String path) {
        assertThat(page.status()).isEqualTo(200);
        String id = path.substring(path.lastIndexOf('/') + 1);
        for (JsonNode item : page.body().get("items")) {
            if (id.equals(item.get("id").asText())) {
                return item;
            }
        }
        throw new AssertionError("complaint " + id + " is not on the page");
    }

    private static Map<String, Object> complaint(String subject, Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("channel", "VISIT", "category", "FACILITY",
                "severity", "NORMAL", "customer", Map.of("name", "Иван Петров", "phone", "+79141234567"),
                "subject", subject, "description", "2楼 B-2031"));
        body.putAll(overrides);
        return body;
    }
}
