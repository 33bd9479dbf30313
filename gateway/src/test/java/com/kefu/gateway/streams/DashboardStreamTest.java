package com.kefu.gateway.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.dutylog.api.FireStep;
import com.kefu.platform.test.Infrastructure;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The managers' dashboard against a real Kafka broker. A known set of events is on the topics before the gateway
 * starts, so its figures are rebuilt from the beginning of the topics; more events then change them live.
 */
// a heartbeat every 2 s, not 15: a closed stream is noticed (and uncounted) at the next one
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kefu.streams.heartbeat=2s")
@ActiveProfiles("local")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardStreamTest {

    /** The gateway's clock, late in the evening of a day not the system's: "today" is its day. */
    private static final MutableClock CLOCK = MutableClock.lateEvening();
    private static final String COMPLAINTS = Published.newTopic("complaint.events");
    private static final String DUTYLOG = Published.newTopic("dutylog.events");
    private static final Published complaints = new Published(COMPLAINTS);
    private static final Published dutyLog = new Published(DUTYLOG);
    private static final String SUPERVISOR = Tokens.bearer("supervisor", "SUPERVISOR");
    private static String frontDeskShift;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.get().kafkaBootstrap());
        registry.add("kefu.streams.complaint-topic", () -> COMPLAINTS);
        registry.add("kefu.streams.dutylog-topic", () -> DUTYLOG);
    }

    /**
     * Before the gateway starts: complaints received (1), escalated... one in each open state, one archived; two
     * deadlines missed today and one late yesterday evening (mall time); two incidents of which one is resolved, the
     * other a fire with a step of its checklist done and one not needed; two
     * shifts of which one was handed over; and a few events published twice.
     */
    @BeforeAll
    static void history() {
        String received = Published.newComplaintId();
        complaints.received(received);
        complaints.again(received);

        String security = Published.newComplaintId();
        complaints.received(security);
        complaints.assigned(security, "security");
        complaints.again(security);
        Instant now = CLOCK.instant();
        complaints.deadlineMissed(security, "security", now);
        complaints.again(security);

        String reassigned = Published.newComplaintId();
        complaints.received(reassigned);
        complaints.assigned(reassigned, "security");
        complaints.assigned(reassigned, "engineering");
        complaints.resolved(reassigned, "engineering");
        Instant lastNight = CLOCK.today().atStartOfDay(MutableClock.MALL).minusMinutes(1).toInstant();
        complaints.deadlineMissed(reassigned, "engineering", lastNight);
        complaints.deadlineMissed(reassigned, "engineering", now);

        String archived = Published.newComplaintId();
        complaints.received(archived);
        complaints.assigned(archived, "cleaning");
        complaints.resolved(archived, "cleaning");
        complaints.followedUp(archived);
        complaints.archived(archived);

        frontDeskShift = UUID.randomUUID().toString();
        String nightShift = UUID.randomUUID().toString();
        dutyLog.shiftOpened(nightShift, "security-control");
        dutyLog.handedOver(nightShift);
        dutyLog.shiftOpened(frontDeskShift, "front-desk");
        String fire = UUID.randomUUID().toString();
        String leak = UUID.randomUUID().toString();
        dutyLog.incidentReported(fire, frontDeskShift, true);
        dutyLog.fireChecklistOpened(fire);
        dutyLog.fireStepDone(fire, FireStep.SENIOR_ON_DUTY_TOLD, "desk");
        dutyLog.again(fire);
        dutyLog.fireStepNotNeeded(fire, FireStep.EXTINGUISHER_USED, "已自行熄灭");
        dutyLog.again(fire);
        dutyLog.incidentReported(leak, frontDeskShift, false);
        dutyLog.again(leak);
        dutyLog.incidentResolved(leak);
        dutyLog.again(leak);
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    private SseClient dashboard(String authorization) {
        return SseClient.open("http://127.0.0.1:" + port + "/api/streams/dashboard", authorization, null);
    }

    private JsonNode snapshot() {
        try (SseClient client = dashboard(SUPERVISOR)) {
            SseClient.Event event = client.next(Duration.ofSeconds(5));
            assertThat(event.name()).isEqualTo("snapshot");
            return event.json();
        }
    }

    @Test
    @Order(1)
    @DisplayName("C10 D1 D4 D13 the dashboard's snapshot counts open complaints by state and department, today's missed deadlines, open incidents, open fires with their unticked steps and shifts")
    void snapshotFromTheBeginningOfTheTopics() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertFigures(snapshot()));
    }

    private static void assertFigures(JsonNode figures) {
        assertThat(figures.get("complete").asBoolean()).isTrue();

        JsonNode open = figures.get("openComplaints");
        assertThat(open.get("total").asInt()).isEqualTo(3);
        assertThat(open.get("byState").get("RECEIVED").asInt()).isEqualTo(1);
        assertThat(open.get("byState").get("ESCALATED").asInt()).isZero();
        assertThat(open.get("byState").get("ASSIGNED").asInt()).isEqualTo(1);
        assertThat(open.get("byState").get("RESOLVED").asInt()).isEqualTo(1);
        assertThat(open.get("byState").get("FOLLOWED_UP").asInt()).isZero();
        assertThat(open.get("byDepartment").get("security").asInt()).isEqualTo(1);
        assertThat(open.get("byDepartment").get("engineering").asInt()).isEqualTo(1);
        assertThat(open.get("byDepartment").has("cleaning")).isFalse();

        assertThat(figures.get("deadlinesMissedToday").get("count").asInt()).isEqualTo(2);
        assertThat(figures.get("deadlinesMissedToday").get("date").asText()).isEqualTo(CLOCK.today().toString());

        assertThat(figures.get("openIncidents").get("count").asInt()).isEqualTo(1);
        assertThat(figures.get("openIncidents").get("incidents").get(0).get("category").asText()).isEqualTo("FIRE");
        assertThat(figures.get("openIncidents").get("incidents").get(0).get("major").asBoolean()).isTrue();

        JsonNode fires = figures.get("openFires");
        assertThat(fires).hasSize(1);
        JsonNode fire = fires.get(0);
        assertThat(fire.get("incidentId").asText()).isEqualTo(openFire(figures));
        assertThat(fire.get("place").asText()).isEqualTo("B1 仓库");
        assertThat(fire.get("reportedAt").isNull()).isFalse();
        assertThat(texts(fire.get("steps"), "status")).containsExactly("DONE", "OPEN", "OPEN", "NOT_NEEDED", "OPEN");
        assertThat(fire.get("steps").get(0).get("by").asText()).isEqualTo("desk");
        assertThat(fire.get("steps").get(3).get("reason").asText()).isEqualTo("已自行熄灭");
        assertThat(texts(fire.get("open"), null))
                .containsExactly("SECURITY_CONTROL_ROOM_TOLD", "FIRE_BRIGADE_CALLED", "EVACUATION_GUIDED");

        assertThat(figures.get("currentShifts")).hasSize(1);
        assertThat(figures.get("currentShifts").get(0).get("id").asText()).isEqualTo(frontDeskShift);
        assertThat(figures.get("currentShifts").get(0).get("post").asText()).isEqualTo("front-desk");
    }

    @Test
    @Order(2)
    @DisplayName("C10 D13 the dashboard is updated live when events arrive (a fire's step ticked, the fire gone once resolved), a burst of events as few updates")
    void updatedLive() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertFigures(snapshot()));
        try (SseClient client = dashboard(Tokens.bearer("head", "CS_HEAD"))) {
            JsonNode before = client.next(Duration.ofSeconds(5)).json();

            String complaint = Published.newComplaintId();
            complaints.received(complaint);
            SseClient.Event update = client.next(Duration.ofSeconds(3));
            assertThat(update.name()).isEqualTo("update");
            assertThat(update.json().get("openComplaints").get("total").asInt())
                    .isEqualTo(before.get("openComplaints").get("total").asInt() + 1);

            dutyLog.fireStepDone(openFire(before), FireStep.FIRE_BRIGADE_CALLED, "night");
            SseClient.Event ticked = client.next(Duration.ofSeconds(3));
            assertThat(ticked.name()).isEqualTo("update");
            assertThat(texts(ticked.json().get("openFires").get(0).get("open"), null))
                    .containsExactly("SECURITY_CONTROL_ROOM_TOLD", "EVACUATION_GUIDED");
            assertThat(ticked.json().get("openFires").get(0).get("steps").get(2).get("by").asText()).isEqualTo("night");

            // a burst: ten events as fast as they go, seen as at most one update per dashboard pause (250 ms), the
            // last one complete: however slowly a busy machine delivers them, never one update per event
            long burstStart = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                String burst = Published.newComplaintId();
                complaints.received(burst);
                complaints.assigned(burst, "engineering");
            }
            dutyLog.incidentResolved(openFire(before));
            String newShift = UUID.randomUUID().toString();
            dutyLog.shiftOpened(newShift, "security-control");
            List<SseClient.Event> updates = client.drain(Duration.ofSeconds(2));
            long pauses = Duration.ofNanos(System.nanoTime() - burstStart).toMillis() / 250;
            assertThat(updates).isNotEmpty().allMatch(event -> event.name().equals("update"));
            assertThat(updates.size()).as("updates in %d pauses of 250 ms", pauses).isLessThanOrEqualTo(1 + (int) pauses);
            JsonNode last = updates.get(updates.size() - 1).json();
            assertThat(last.get("openComplaints").get("total").asInt())
                    .isEqualTo(before.get("openComplaints").get("total").asInt() + 6);
            assertThat(last.get("openComplaints").get("byDepartment").get("engineering").asInt())
                    .isEqualTo(before.get("openComplaints").get("byDepartment").get("engineering").asInt() + 5);
            assertThat(last.get("openIncidents").get("count").asInt()).isZero();
            assertThat(last.get("openFires")).isEmpty();
            assertThat(last.get("currentShifts")).hasSize(2);
        }
    }

    @Test
    @Order(3)
    @DisplayName("C17 the supervisor's dashboard lists each stage warned of, live, until the complaint leaves it")
    void approachingDeadlinesLive() {
        try (SseClient client = dashboard(SUPERVISOR)) {
            JsonNode before = client.next(Duration.ofSeconds(5)).json();
            assertThat(before.get("deadlinesApproaching")).isEmpty();

            String complaint = Published.newComplaintId();
            complaints.received(complaint);
            complaints.assigned(complaint, "engineering");
            complaints.deadlineApproaching(complaint, "engineering", CLOCK.instant());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode warned = client.next(Duration.ofSeconds(5)).json().get("deadlinesApproaching");
                assertThat(texts(warned, "complaintId")).containsExactly(complaint);
                assertThat(warned.get(0).get("number").asText()).isEqualTo(Published.numberOf(complaint));
                assertThat(warned.get(0).get("stage").asText()).isEqualTo("ASSIGNED");
                assertThat(warned.get(0).get("department").asText()).isEqualTo("engineering");
                assertThat(warned.get(0).get("dueAt").isNull()).isFalse();
            });

            complaints.resolved(complaint, "engineering");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    client.next(Duration.ofSeconds(5)).json().get("deadlinesApproaching")).isEmpty());
        }
    }

    @Test
    @Order(4)
    @DisplayName("S4 the dashboard is for CS_HEAD, SUPERVISOR, CS_MANAGER and AUDITOR only")
    void managersOnly() {
        for (String role : List.of("CS_HEAD", "SUPERVISOR", "CS_MANAGER", "AUDITOR")) {
            try (SseClient client = dashboard(Tokens.bearer("someone", role))) {
                assertThat(client.status()).as(role).isEqualTo(200);
                assertThat(client.next(Duration.ofSeconds(5)).name()).isEqualTo("snapshot");
            }
        }
        for (String role : List.of("FRONT_DESK", "AFTER_SALES", "DEPARTMENT", "BROADCASTER", "ADMIN")) {
            try (SseClient client = dashboard(Tokens.bearer("someone", role))) {
                assertThat(client.status()).as(role).isEqualTo(403);
            }
        }
        try (SseClient client = dashboard(null)) {
            assertThat(client.status()).isEqualTo(401);
        }
    }

    @Test
    @Order(5)
    @DisplayName("kefu.streams.connections counts the dashboard streams open on this gateway, one less when one closes")
    void openStreamsAreCounted() {
        await().atMost(Duration.ofSeconds(90)).until(() -> openDashboards() == 0);
        try (SseClient first = dashboard(SUPERVISOR); SseClient second = dashboard(SUPERVISOR)) {
            assertThat(first.next(Duration.ofSeconds(5)).name()).isEqualTo("snapshot");
            assertThat(second.next(Duration.ofSeconds(5)).name()).isEqualTo("snapshot");
            assertThat(openDashboards()).isEqualTo(2);
            first.close();
            await().atMost(Duration.ofSeconds(90)).until(() -> openDashboards() == 1); // seen at the next heartbeat
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> openDashboards() == 0);
    }

    private double openDashboards() {
        return registry.get(StreamsConfiguration.CONNECTIONS).tag("stream", "dashboard").gauge().value();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(field == null ? node.asText() : node.get(field).asText()));
        return texts;
    }

    private static String openFire(JsonNode figures) {
        return figures.get("openIncidents").get("incidents").get(0).get("id").asText();
    }
}
