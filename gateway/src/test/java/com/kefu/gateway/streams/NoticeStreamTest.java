package com.kefu.gateway.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.platform.test.Infrastructure;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CS manager's and the CS head's notice stream (D14) against a real Kafka broker: notices on the topic before the
 * gateway starts are in the first snapshot; one sent later arrives at once; an acknowledgement takes it off the stream
 * of the role told, and off every stream once every role has been told.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class NoticeStreamTest {

    private static final String COMPLAINTS = Published.newTopic("complaint.events");
    private static final String DUTYLOG = Published.newTopic("dutylog.events");
    private static final Published dutyLog = new Published(DUTYLOG);
    private static final String MANAGER = Tokens.bearer("manager", "CS_MANAGER");
    private static final String HEAD = Tokens.bearer("head", "CS_HEAD");
    private static final String EARLIER = UUID.randomUUID().toString();
    private static final String TOLD = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.get().kafkaBootstrap());
        registry.add("kefu.streams.complaint-topic", () -> COMPLAINTS);
        registry.add("kefu.streams.dutylog-topic", () -> DUTYLOG);
    }

    @BeforeAll
    static void history() {
        dutyLog.guestTakenIll(EARLIER);
        dutyLog.again(EARLIER);
        dutyLog.guestTakenIll(TOLD);
        dutyLog.noticeAcknowledged(TOLD, "CS_MANAGER", "manager");
        dutyLog.noticeAcknowledged(TOLD, "CS_HEAD", "head");
        dutyLog.incidentReported(UUID.randomUUID().toString(), null, true); // a fire: no notice
    }

    @LocalServerPort
    int port;

    private SseClient notices(String authorization) {
        return SseClient.open("http://127.0.0.1:" + port + "/api/streams/notices", authorization, null);
    }

    private static List<String> incidents(JsonNode notices) {
        List<String> ids = new ArrayList<>();
        notices.get("notices").forEach(notice -> ids.add(notice.get("incidentId").asText()));
        return ids;
    }

    /** The next view on the stream that {@code wanted} holds for, within a generous time. */
    private static JsonNode nextWhere(SseClient client, java.util.function.Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            SseClient.Event event = client.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if ("update".equals(event.name()) && wanted.test(event.json())) {
                return event.json();
            }
        }
    }

    @Test
    @DisplayName("D14 a guest taken ill reaches the CS manager and the CS head at once on their stream, until each "
            + "role is told; no one else watches it")
    void noticesUntilTold() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            try (SseClient client = notices(MANAGER)) {
                SseClient.Event snapshot = client.next(Duration.ofSeconds(5));
                assertThat(snapshot.name()).isEqualTo("snapshot");
                assertThat(snapshot.json().get("complete").asBoolean()).isTrue();
                assertThat(incidents(snapshot.json())).containsExactly(EARLIER);
            }
        });
        for (String other : List.of(Tokens.bearer("desk", "FRONT_DESK"), Tokens.bearer("supervisor", "SUPERVISOR"))) {
            try (SseClient refused = notices(other)) {
                assertThat(refused.status()).isEqualTo(403);
            }
        }

        try (SseClient manager = notices(MANAGER); SseClient head = notices(HEAD)) {
            manager.next(Duration.ofSeconds(5));
            head.next(Duration.ofSeconds(5));
            String ill = UUID.randomUUID().toString();
            dutyLog.guestTakenIll(ill); // pushed as it is read, not at a poll of the client's
            // an update may come that changes nothing this test looks at (the board's own state settling): skip it
            JsonNode update = nextWhere(manager, notices -> incidents(notices).contains(ill));
            assertThat(incidents(update)).containsExactly(EARLIER, ill);
            JsonNode notice = update.get("notices").get(1);
            assertThat(notice.get("kind").asText()).isEqualTo("GUEST_ILL");
            assertThat(notice.get("location").asText()).isEqualTo("2楼");
            assertThat(notice.get("told").get(0).get("role").asText()).isEqualTo("CS_MANAGER");
            assertThat(notice.get("told").get(0).hasNonNull("by")).isFalse();
            assertThat(incidents(nextWhere(head, notices -> incidents(notices).contains(ill))))
                    .containsExactly(EARLIER, ill);

            // the manager acknowledged it: off the manager's stream, still on the head's, with who was told
            dutyLog.noticeAcknowledged(ill, "CS_MANAGER", "manager");
            assertThat(incidents(nextWhere(manager, notices -> !incidents(notices).contains(ill))))
                    .containsExactly(EARLIER);
            JsonNode forHead = nextWhere(head, notices -> notices.get("notices").size() > 1
                    && notices.get("notices").get(1).get("told").get(0).hasNonNull("by"));
            assertThat(incidents(forHead)).containsExactly(EARLIER, ill);
            assertThat(forHead.get("notices").get(1).get("told").get(0).get("by").asText()).isEqualTo("manager");
            dutyLog.noticeAcknowledged(ill, "CS_HEAD", "head");
            assertThat(incidents(nextWhere(head, notices -> !incidents(notices).contains(ill))))
                    .containsExactly(EARLIER);
        }
    }
}
