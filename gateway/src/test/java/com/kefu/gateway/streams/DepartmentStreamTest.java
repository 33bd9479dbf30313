package com.kefu.gateway.streams;

import com.kefu.gateway.GatewayApplication;
import com.kefu.platform.test.Infrastructure;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The departments' streams against a real Kafka broker: events are put on the test's own {@code complaint.events}
 * (three partitions) as complaint-service's relay would, and read back through the gateway's SSE endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kefu.streams.heartbeat=1s")
@ActiveProfiles("local")
class DepartmentStreamTest {

    /** Long enough for a busy machine: how fast it is told is the benchmark's P3, never a test's assertion. */
    private static final Duration AT_ONCE = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final String COMPLAINTS = Published.newTopic("complaint.events");
    private static final String DUTYLOG = Published.newTopic("dutylog.events");

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.get().kafkaBootstrap());
        registry.add("kefu.streams.complaint-topic", () -> COMPLAINTS);
        registry.add("kefu.streams.dutylog-topic", () -> DUTYLOG);
    }

    @LocalServerPort
    int port;

    /** The first instance's database (GatewayDatabase), which the second shares as an installation's would. */
    @Value("${spring.datasource.url}")
    String database;

    private final Published complaints = new Published(COMPLAINTS);

    private SseClient stream(String department, String authorization, String lastEventId) {
        SseClient client = SseClient.open("http://127.0.0.1:" + port + "/api/streams/departments/" + department,
                authorization, lastEventId);
        if (client.status() == 200) {
            assertThat(client.next(AT_ONCE).name()).isEqualTo("subscribed");
        }
        return client;
    }

    private SseClient stream(String department) {
        return stream(department, Tokens.departmentBearer(department + "-user", department), null);
    }

    @Test
    @DisplayName("C5 S4 a department's stream is told at once when a complaint is assigned to it")
    void toldOfAssignment() {
        try (SseClient security = stream("security")) {
            String complaint = Published.newComplaintId();
            complaints.received(complaint);
            complaints.assigned(complaint, "security");

            SseClient.Event assigned = security.next(AT_ONCE);
            assertThat(assigned.name()).isEqualTo("complaint-assigned");
            assertThat(assigned.json().get("complaintId").asText()).isEqualTo(complaint);
            assertThat(assigned.json().get("number").asText()).isEqualTo(Published.numberOf(complaint));
            assertThat(assigned.json().get("department").asText()).isEqualTo("security");
            assertThat(assigned.json().get("instructions").asText()).isEqualTo("请尽快处理");
            assertThat(assigned.id()).matches("\\d+:\\d+(,\\d+:\\d+)*");
        }
    }

    @Test
    @DisplayName("C5 a complaint reassigned away: the old department is told where it went, the new one gets it")
    void toldOfReassignment() {
        try (SseClient security = stream("security");
             SseClient engineering = stream("engineering", Tokens.bearer("head", "CS_HEAD"), null)) {
            String complaint = Published.newComplaintId();
            complaints.received(complaint);
            complaints.assigned(complaint, "security");
            assertThat(security.next(AT_ONCE).name()).isEqualTo("complaint-assigned");

            complaints.assigned(complaint, "engineering");
            SseClient.Event away = security.next(AT_ONCE);
            assertThat(away.name()).isEqualTo("complaint-reassigned");
            assertThat(away.json().get("complaintId").asText()).isEqualTo(complaint);
            assertThat(away.json().get("department").asText()).isEqualTo("security");
            assertThat(away.json().get("reassignedTo").asText()).isEqualTo("engineering");
            SseClient.Event assigned = engineering.next(AT_ONCE);
            assertThat(assigned.name()).isEqualTo("complaint-assigned");
            assertThat(assigned.json().get("complaintId").asText()).isEqualTo(complaint);
            assertThat(security.drain(QUIET)).isEmpty();
            assertThat(engineering.drain(QUIET)).isEmpty();
        }
    }

    @Test
    @DisplayName("C6 C7 the department is told when its complaint is resolved and when an unsatisfied customer reopens it")
    void toldOfReopening() {
        try (SseClient security = stream("security")) {
            String complaint = Published.newComplaintId();
            complaints.received(complaint);
            complaints.assigned(complaint, "security");
            complaints.resolved(complaint, "security");
            complaints.reopened(complaint, "security");

            List<String> names = List.of(security.next(AT_ONCE).name(), security.next(AT_ONCE).name(),
                    security.next(AT_ONCE).name());
            assertThat(names).containsExactly("complaint-assigned", "complaint-resolved", "complaint-reopened");
            assertThat(security.drain(QUIET)).isEmpty();
        }
    }

    @Test
    @DisplayName("C17 the department is warned on its stream when four fifths of its complaint's stage time have gone")
    void warnedOfApproachingDeadline() {
        try (SseClient security = stream("security")) {
            String complaint = Published.newComplaintId();
            complaints.received(complaint);
            complaints.assigned(complaint, "security");
            java.time.Instant warnedAt = java.time.Instant.parse("2026-11-26T18:59:13Z");
            complaints.deadlineApproaching(complaint, "security", warnedAt);

            assertThat(security.next(AT_ONCE).name()).isEqualTo("complaint-assigned");
            SseClient.Event warned = security.next(AT_ONCE);
            assertThat(warned.name()).isEqualTo("complaint-deadline-approaching");
            assertThat(warned.json().get("complaintId").asText()).isEqualTo(complaint);
            assertThat(warned.json().get("number").asText()).isEqualTo(Published.numberOf(complaint));
            assertThat(warned.json().get("stage").asText()).isEqualTo("ASSIGNED");
            assertThat(java.time.Instant.parse(warned.json().get("dueAt").asText()))
                    .isEqualTo(warnedAt.plus(Duration.ofMinutes(15)));
            assertThat(warned.json().get("type").asText()).isEqualTo("ComplaintDeadlineApproaching");
            assertThat(security.drain(QUIET)).isEmpty();
        }
    }

    @Test
    @DisplayName("S4 a DEPARTMENT user asking for another department's stream gets 403, and their own shows nothing of others")
    void departmentsSeeTheirOwnOnly() {
        String engineeringUser = Tokens.departmentBearer("engineering-user", "engineering");
        try (SseClient refused = SseClient.open("http://127.0.0.1:" + port + "/api/streams/departments/security",
                engineeringUser, null)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.problem().get("type").asText()).isEqualTo("urn:kefu:problem:forbidden");
        }
        for (String role : List.of("FRONT_DESK", "BROADCASTER", "AUDITOR")) {
            try (SseClient refused = SseClient.open("http://127.0.0.1:" + port + "/api/streams/departments/security",
                    Tokens.bearer("someone", role), null)) {
                assertThat(refused.status()).as(role).isEqualTo(403);
            }
        }
        try (SseClient anonymous = SseClient.open("http://127.0.0.1:" + port + "/api/streams/departments/security",
                null, null)) {
            assertThat(anonymous.status()).isEqualTo(401);
        }

        try (SseClient engineering = stream("engineering", engineeringUser, null)) {
            String theirs = Published.newComplaintId();
            String ours = Published.newComplaintId();
            complaints.received(theirs);
            complaints.assigned(theirs, "security");
            complaints.resolved(theirs, "security");
            complaints.received(ours);
            complaints.assigned(ours, "engineering");

            SseClient.Event first = engineering.next(AT_ONCE);
            assertThat(first.json().get("complaintId").asText()).isEqualTo(ours);
            assertThat(engineering.drain(QUIET)).isEmpty();
        }
    }

    @Test
    @DisplayName("C5 reconnecting with Last-Event-ID receives exactly the events published while disconnected, none twice")
    void resumesWithoutLossOrRepetition() {
        // an observer proves this gateway has read the missed events before the client comes back, so that they
        // come from a catch-up read of Kafka; the events after the reconnection come live
        try (SseClient observer = stream("security", Tokens.bearer("supervisor", "SUPERVISOR"), null)) {
            String lastEventId;
            String first = Published.newComplaintId();
            try (SseClient security = stream("security")) {
                complaints.received(first);
                complaints.assigned(first, "security");
                SseClient.Event seen = security.next(AT_ONCE);
                assertThat(seen.json().get("complaintId").asText()).isEqualTo(first);
                lastEventId = seen.id();
                assertThat(observer.next(AT_ONCE).json().get("complaintId").asText()).isEqualTo(first);
            }

            List<String> missed = List.of(Published.newComplaintId(), Published.newComplaintId(),
                    Published.newComplaintId(), Published.newComplaintId());
            for (String complaint : missed) {
                complaints.received(complaint);
                complaints.assigned(complaint, "security");
                complaints.received(Published.newComplaintId());
            }
            String elsewhere = Published.newComplaintId();
            complaints.received(elsewhere);
            complaints.assigned(elsewhere, "engineering");
            complaints.resolved(first, "security");
            for (int i = 0; i < missed.size() + 1; i++) {
                observer.next(AT_ONCE);
            }

            try (SseClient resumed = stream("security", Tokens.departmentBearer("security-user", "security"),
                    lastEventId)) {
                String later = Published.newComplaintId();
                complaints.received(later);
                complaints.assigned(later, "security");

                List<SseClient.Event> events = resumed.drain(QUIET);
                List<String> assignedTo = events.stream().filter(e -> e.name().equals("complaint-assigned"))
                        .map(e -> e.json().get("complaintId").asText()).toList();
                assertThat(assignedTo).containsExactlyInAnyOrder(missed.get(0), missed.get(1), missed.get(2),
                        missed.get(3), later);
                assertThat(events.stream().filter(e -> e.name().equals("complaint-resolved"))
                        .map(e -> e.json().get("complaintId").asText())).containsExactly(first);
                assertThat(events).hasSize(6);
            }
        }
    }

    @Test
    @DisplayName("C5 an idle stream gets heartbeats whose id moves on, so that a reconnection does not read again what it passed")
    void heartbeatsMoveTheLastEventId() {
        try (SseClient security = stream("security")) {
            String before = security.lastEventId();
            String elsewhere = Published.newComplaintId();
            complaints.received(elsewhere);
            complaints.assigned(elsewhere, "engineering");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(security.comments()).isPositive();
                assertThat(security.lastEventId()).isNotEqualTo(before);
            });
            assertThat(security.drain(Duration.ofMillis(200))).isEmpty();
        }
    }

    @Test
    @DisplayName("a Last-Event-ID this stream did not send is refused with 400")
    void refusesForeignLastEventId() {
        try (SseClient refused = SseClient.open("http://127.0.0.1:" + port + "/api/streams/departments/security",
                Tokens.departmentBearer("security-user", "security"), "not-an-id")) {
            assertThat(refused.status()).isEqualTo(400);
        }
    }

    @Test
    @DisplayName("C5 a client resumes on another gateway instance with the Last-Event-ID the first one sent, losing nothing")
    void resumesOnAnotherInstance() {
        String first = Published.newComplaintId();
        String lastEventId;
        try (SseClient security = stream("security")) {
            complaints.received(first);
            complaints.assigned(first, "security");
            SseClient.Event seen = security.next(AT_ONCE);
            assertThat(seen.json().get("complaintId").asText()).isEqualTo(first);
            lastEventId = seen.id();
        }
        String missed = Published.newComplaintId();
        complaints.received(missed);
        complaints.assigned(missed, "security");
        complaints.reopened(first, "security");

        // a second instance, started only now: it reads the topic from its beginning in a consumer group of its own
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("local")
                // arguments, not default properties: those lose to application.yml's port (8080, maybe taken)
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + Infrastructure.get().kafkaBootstrap(),
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + Infrastructure.get().user(),
                        "--spring.datasource.password=" + Infrastructure.get().password(),
                        "--kefu.streams.complaint-topic=" + COMPLAINTS, "--kefu.streams.dutylog-topic=" + DUTYLOG);
             SseClient resumed = SseClient.open("http://127.0.0.1:" + second.getEnvironment()
                     .getProperty("local.server.port") + "/api/streams/departments/security",
                     Tokens.departmentBearer("security-user", "security"), lastEventId)) {
            assertThat(resumed.next(AT_ONCE).name()).isEqualTo("subscribed");
            String later = Published.newComplaintId();
            complaints.received(later);
            complaints.assigned(later, "security");

            List<SseClient.Event> events = resumed.drain(Duration.ofSeconds(3));
            assertThat(events).extracting(SseClient.Event::name, event -> event.json().get("complaintId").asText())
                    .containsExactlyInAnyOrder(tuple("complaint-assigned", missed),
                            tuple("complaint-reopened", first), tuple("complaint-assigned", later));
        }
    }

    @Test
    @DisplayName("S4 a browser's EventSource may give its token as access_token on the streams, and nowhere else")
    void tokenInTheQueryForEventSource() {
        String token = Tokens.departmentBearer("security-user", "security").substring("Bearer ".length());
        try (SseClient client = SseClient.open("http://127.0.0.1:" + port
                + "/api/streams/departments/security?access_token=" + token, null, null)) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.next(AT_ONCE).name()).isEqualTo("subscribed");
        }
        try (SseClient elsewhere = SseClient.open("http://127.0.0.1:" + port + "/api/complaints?access_token=" + token,
                null, null)) {
            assertThat(elsewhere.status()).isEqualTo(401);
        }
    }
}
