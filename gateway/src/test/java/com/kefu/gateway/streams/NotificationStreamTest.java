package com.kefu.gateway.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.broadcast.api.ScriptSubmittedEvent;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.Priority;
import com.kefu.platform.test.Infrastructure;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-user notification stream ({@code GET /api/streams/notifications}, issue 19 item 4) on a real PostgreSQL and
 * a real Kafka broker: events on the topics go through the notifications' one consumer into the record's browser rows,
 * and from them to the streams of the users their subscriptions cover — a script waiting for approval to the
 * SUPERVISOR role, a fire to a department subscribed to fires, an assignment to its own department only, even when
 * the DEPARTMENT role as a whole is subscribed; a client that comes back with {@code Last-Event-ID} gets what it
 * missed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class NotificationStreamTest {

    private static final String COMPLAINTS = Published.newTopic("complaint.events");
    private static final String DUTYLOG = Published.newTopic("dutylog.events");
    private static final String BROADCAST = Published.newTopic("broadcast.events");
    private static final Published complaints = new Published(COMPLAINTS);
    private static final Published dutylog = new Published(DUTYLOG);
    private static final Published broadcast = new Published(BROADCAST);
    private static final String ADMIN = Tokens.bearer("admin", "ADMIN");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.get().kafkaBootstrap());
        registry.add("kefu.streams.complaint-topic", () -> COMPLAINTS);
        registry.add("kefu.streams.dutylog-topic", () -> DUTYLOG);
        registry.add("kefu.notifications.topics", () -> COMPLAINTS + "," + DUTYLOG + "," + BROADCAST);
        registry.add("kefu.notifications.group", () -> "notifications-" + UUID.randomUUID());
        registry.add("kefu.streams.notification-poll", () -> "200ms");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void consumerReads() throws Exception {
        // a new consumer group starts at the topics' end: an event published before it found that end is not read.
        // Probes until one is recorded
        subscribe("department", "probe", List.of("assigned"));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (jdbc.queryForObject("select count(*) from notification where recipient = 'department:probe'",
                Long.class) == 0) {
            assertThat(System.nanoTime()).as("a probe recorded within 60 s").isLessThan(deadline);
            complaints.assigned(Published.newComplaintId(), "probe");
            Thread.sleep(500);
        }
    }

    @Test
    @DisplayName("issue 19 a script waiting for approval reaches the SUPERVISOR's stream, a fire the stream of a "
            + "DEPARTMENT user whose department is subscribed to fires, an assignment its own department's users and "
            + "not another department's (even with the DEPARTMENT role subscribed); nothing for a role not subscribed; "
            + "Last-Event-ID gives back what was missed, of the user's own only")
    void eachUserGetsWhatTheirSubscriptionCovers() throws Exception {
        String ours = "dept-" + UUID.randomUUID().toString().substring(0, 6);
        String theirs = "dept-" + UUID.randomUUID().toString().substring(0, 6);
        subscribe("department", ours, List.of("assigned", "fire"));
        subscribe("department", theirs, List.of("assigned"));
        // every DEPARTMENT user is told of assignments: of their own department's, not of the others'
        subscribe("role", "DEPARTMENT", List.of("assigned"));
        try (SseClient supervisor = stream(Tokens.bearer("supervisor", "SUPERVISOR"), null);
             SseClient our = stream(Tokens.departmentBearer(ours + "-user", ours), null);
             SseClient their = stream(Tokens.departmentBearer(theirs + "-user", theirs), null);
             SseClient desk = stream(Tokens.bearer("desk", "FRONT_DESK"), null)) {
            String start = our.next(WAIT).id();
            for (SseClient client : List.of(supervisor, their, desk)) {
                assertThat(client.next(WAIT).name()).isEqualTo("subscribed");
            }

            String scriptId = UUID.randomUUID().toString();
            broadcast.event(scriptId, new ScriptSubmittedEvent(scriptId, 2, "broadcaster", Instant.now()));
            String fire = UUID.randomUUID().toString();
            dutylog.incidentReported(fire, null, true);
            // the same key: their assignment is on the partition before ours, and is read and recorded first
            String complaintKey = Published.newComplaintId();
            String theirComplaint = Published.newComplaintId();
            String ourComplaint = Published.newComplaintId();
            complaints.event(complaintKey, assignment(theirComplaint, theirs));
            complaints.event(complaintKey, assignment(ourComplaint, ours));

            JsonNode script = until(supervisor, n -> n.get("kind").asText().equals("script-awaiting-approval")
                    && n.get("facts").get("script").asText().equals(scriptId));
            assertThat(script.get("facts").get("version").asInt()).isEqualTo(2);
            assertThat(script.get("page").asText()).isEqualTo("/broadcast/approvals");

            Predicate<JsonNode> ourAssignment = n -> number(n).equals(Published.numberOf(ourComplaint));
            Predicate<JsonNode> theFire = n -> n.get("kind").asText().equals("fire")
                    && n.get("page").asText().equals("/desk/incidents/" + fire);
            // the fire and the assignment come from two topics: in either order
            List<JsonNode> seen = new ArrayList<>();
            untilAll(our, seen, List.of(ourAssignment, theFire));
            assertThat(seen).extracting(NotificationStreamTest::number)
                    .doesNotContain(Published.numberOf(theirComplaint));
            JsonNode fireNotice = seen.stream().filter(n -> n.get("kind").asText().equals("fire")).findFirst()
                    .orElseThrow();
            assertThat(fireNotice.get("facts").get("place").asText()).isEqualTo("B1 仓库");
            // theirs was recorded for the DEPARTMENT role, which our user has: the stream held it back
            assertThat(jdbc.queryForObject("select count(*) from notification where channel = 'browser' and "
                    + "recipient = 'role:DEPARTMENT' and facts like ?", Long.class,
                    "%" + Published.numberOf(theirComplaint) + "%")).isEqualTo(1);
            // their user has it, once (it was written for two of their audiences), and neither our fire nor ours
            List<JsonNode> theirSeen = new ArrayList<>();
            until(their, theirSeen, n -> number(n).equals(Published.numberOf(theirComplaint)));
            // a mark after everything above: the supervisor's stream reads on to it, the desk's has had nothing
            String mark = UUID.randomUUID().toString();
            broadcast.event(mark, new ScriptSubmittedEvent(mark, 1, "broadcaster", Instant.now()));
            until(supervisor, n -> n.path("facts").path("script").asText().equals(mark));
            theirSeen.addAll(notifications(their.drain(Duration.ofSeconds(2))));
            assertThat(theirSeen).extracting(NotificationStreamTest::number)
                    .containsOnlyOnce(Published.numberOf(theirComplaint))
                    .doesNotContain(Published.numberOf(ourComplaint));
            assertThat(theirSeen).extracting(n -> n.get("kind").asText()).doesNotContain("fire");
            assertThat(notifications(desk.drain(Duration.ofSeconds(1)))).as("FRONT_DESK is subscribed to nothing")
                    .isEmpty();

            // our user's console comes back after the first event it had: it gets the rest again, and only its own
            try (SseClient again = stream(Tokens.departmentBearer(ours + "-user", ours), start)) {
                assertThat(again.next(WAIT).name()).isEqualTo("subscribed");
                List<JsonNode> resumed = new ArrayList<>();
                untilAll(again, resumed, List.of(ourAssignment, theFire));
                assertThat(resumed).extracting(NotificationStreamTest::number)
                        .doesNotContain(Published.numberOf(theirComplaint));
            }
        } finally {
            subscribe("role", "DEPARTMENT", List.of());
        }
    }

    @Test
    @DisplayName("the notification stream: 401 without a token, 400 for a Last-Event-ID it did not write")
    void refusals() {
        try (SseClient anonymous = stream(null, null)) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
        try (SseClient wrong = stream(Tokens.bearer("supervisor", "SUPERVISOR"), "0-12")) {
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.problem().get("detail").asText()).contains("Last-Event-ID");
        }
    }

    private static ComplaintAssignedEvent assignment(String complaintId, String department) {
        return new ComplaintAssignedEvent(complaintId, Published.numberOf(complaintId), department, "请尽快处理",
                Priority.NORMAL, "aftersales", Instant.now());
    }

    private static String number(JsonNode notification) {
        return notification.path("facts").path("number").asText();
    }

    private SseClient stream(String authorization, String lastEventId) {
        return SseClient.open("http://127.0.0.1:" + port + "/api/streams/notifications", authorization, lastEventId);
    }

    /** The notifications of the client until one matches; those before it are added to {@code seen}. */
    private static JsonNode until(SseClient client, List<JsonNode> seen, Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            assertThat(left.isNegative()).as("the notification within 60 s; had " + seen).isFalse();
            SseClient.Event event = client.next(left);
            if (!event.name().equals("notification")) {
                continue;
            }
            JsonNode notification = event.json();
            // where the client stands: this record, or further on (one committed late is sent after later ones)
            assertThat(Long.parseLong(event.id())).isGreaterThanOrEqualTo(notification.get("id").asLong());
            seen.add(notification);
            if (wanted.test(notification)) {
                return notification;
            }
        }
    }

    /** The notifications of the client until each of {@code wanted} has matched one, in any order. */
    private static void untilAll(SseClient client, List<JsonNode> seen, List<Predicate<JsonNode>> wanted) {
        until(client, seen, n -> wanted.stream().allMatch(one -> seen.stream().anyMatch(one)));
    }

    private static JsonNode until(SseClient client, Predicate<JsonNode> wanted) {
        return until(client, new ArrayList<>(), wanted);
    }

    private static List<JsonNode> notifications(List<SseClient.Event> events) {
        return events.stream().filter(event -> event.name().equals("notification")).map(SseClient.Event::json)
                .toList();
    }

    private void subscribe(String audienceType, String audience, List<String> browser) {
        var response = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://127.0.0.1:" + port).defaultStatusHandler(status -> true, (request, answer) -> { })
                .build().put().uri("/api/notifications/subscriptions/" + audienceType + "/" + audience)
                .header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("browser", browser)).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    }
}
