package com.kefu.gateway.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.ComplaintEscalatedEvent;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.EscalationAcknowledgedEvent;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import com.kefu.complaint.api.SupervisorInstructionsRecordedEvent;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supervisor's inbox stream (C14) against a real Kafka broker: escalations on the topic before the gateway starts
 * are in the first snapshot, a NORMAL escalation is not; a new one arrives at once; an acknowledgement moves it after
 * the unread ones; instructions show; archived, it leaves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class EscalationStreamTest {

    private static final String COMPLAINTS = Published.newTopic("complaint.events");
    private static final String DUTYLOG = Published.newTopic("dutylog.events");
    private static final Published complaints = new Published(COMPLAINTS);
    private static final String SUPERVISOR = Tokens.bearer("supervisor", "SUPERVISOR");
    private static final String EARLIER = Published.newComplaintId();
    private static final String NORMAL = Published.newComplaintId();
    private static final Instant T = Instant.parse("2026-12-06T15:30:00Z");

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.get().kafkaBootstrap());
        registry.add("kefu.streams.complaint-topic", () -> COMPLAINTS);
        registry.add("kefu.streams.dutylog-topic", () -> DUTYLOG);
    }

    private static void major(String id, Severity severity, String subject, Instant at) {
        complaints.event(id, new ComplaintReceivedEvent(id, Published.numberOf(id), Channel.VISIT, Category.SAFETY,
                severity, Priority.HIGH, new CustomerReference("王*", "138****5678", null), null, subject, "…", "desk",
                at, null));
        complaints.event(id, new ComplaintEscalatedEvent(id, Published.numberOf(id), severity, "涉及人身安全",
                "aftersales", at.plusSeconds(60)));
    }

    @BeforeAll
    static void history() {
        major(EARLIER, Severity.MAJOR, "扶梯夹伤", T);
        complaints.again(EARLIER);
        major(NORMAL, Severity.NORMAL, "态度差", T);
    }

    @LocalServerPort
    int port;

    private SseClient inbox(String authorization) {
        return SseClient.open("http://127.0.0.1:" + port + "/api/streams/escalations", authorization, null);
    }

    private static List<String> ids(JsonNode inbox) {
        List<String> ids = new ArrayList<>();
        inbox.get("escalations").forEach(escalation -> ids.add(escalation.get("complaintId").asText()));
        return ids;
    }

    @Test
    @DisplayName("C14 an escalated MAJOR complaint appears live in the supervisor's inbox; acknowledged, it goes after "
            + "the unread ones, with the instructions given; archived, it leaves; only SUPERVISOR and CS_HEAD watch")
    void inboxIsLive() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            try (SseClient client = inbox(SUPERVISOR)) {
                SseClient.Event snapshot = client.next(Duration.ofSeconds(5));
                assertThat(snapshot.name()).isEqualTo("snapshot");
                assertThat(snapshot.json().get("complete").asBoolean()).isTrue();
                assertThat(ids(snapshot.json())).containsExactly(EARLIER);
                assertThat(snapshot.json().get("escalations").get(0).get("subject").asText()).isEqualTo("扶梯夹伤");
            }
        });
        for (String other : List.of(Tokens.bearer("desk", "FRONT_DESK"), Tokens.bearer("aftersales", "AFTER_SALES"),
                Tokens.bearer("manager", "CS_MANAGER"))) {
            try (SseClient refused = inbox(other)) {
                assertThat(refused.status()).isEqualTo(403);
            }
        }

        try (SseClient supervisor = inbox(SUPERVISOR);
             SseClient head = inbox(Tokens.bearer("head", "CS_HEAD"))) {
            supervisor.next(Duration.ofSeconds(5));
            head.next(Duration.ofSeconds(5));
            String later = Published.newComplaintId();
            major(later, Severity.MAJOR, "天花板掉落", T.plusSeconds(600)); // pushed as it is read
            JsonNode update = supervisor.next(Duration.ofSeconds(5)).json();
            assertThat(ids(update)).containsExactly(EARLIER, later);
            assertThat(ids(head.next(Duration.ofSeconds(5)).json())).containsExactly(EARLIER, later);

            complaints.event(EARLIER, new EscalationAcknowledgedEvent(EARLIER, Published.numberOf(EARLIER),
                    Severity.MAJOR, "supervisor", T.plusSeconds(900)));
            JsonNode acknowledged = supervisor.next(Duration.ofSeconds(5)).json();
            assertThat(ids(acknowledged)).as("the unread one first").containsExactly(later, EARLIER);
            assertThat(acknowledged.get("escalations").get(1).get("acknowledgedBy").asText()).isEqualTo("supervisor");

            complaints.event(EARLIER, new SupervisorInstructionsRecordedEvent(EARLIER, Published.numberOf(EARLIER),
                    Severity.MAJOR, "保留监控录像", "supervisor", T.plusSeconds(960)));
            JsonNode instructed = supervisor.next(Duration.ofSeconds(5)).json();
            assertThat(instructed.get("escalations").get(1).get("instructions").get(0).get("text").asText())
                    .isEqualTo("保留监控录像");

            complaints.archived(later);
            assertThat(ids(supervisor.next(Duration.ofSeconds(5)).json())).containsExactly(EARLIER);
        }
    }
}
