package com.kefu.complaint.query;

import com.kefu.complaint.Complaints;
import com.kefu.complaint.command.DeadlineWatch;
import com.kefu.platform.axon.ProcessorBacklog;
import com.kefu.platform.axon.ProjectionController;
import com.kefu.platform.relay.EventRelay;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import com.kefu.platform.web.TraceIdHeader;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The meters an operator watches of complaint-service (README, Observability), against real PostgreSQL and Kafka:
 * intakes, deadlines missed, the relay's lag, projection replays, and readiness waiting for the projections.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kefu.complaints.scheduling=false")
@AutoConfigureObservability(metrics = false) // tracing as in the running service: a test context has it off
class OperatorMetersTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String ADMIN = Tokens.bearer("admin", "ADMIN");

    @Autowired
    MeterRegistry registry;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ProcessorBacklog backlog;

    @Autowired
    MutableClock clock;

    @Autowired
    DeadlineWatch watch;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("kefu.complaints.registered counts each complaint registered, by channel, from 0")
    void intakesAreCounted() {
        double phone = registered("PHONE");
        assertThat(registered("LETTER")).as("a series for every channel from the start").isNotNaN();

        register("meter 1");
        register("meter 2");

        await().atMost(Duration.ofSeconds(10)).until(() -> registered("PHONE") == phone + 2);
    }

    @Test
    @DisplayName("every answer names its trace in X-Trace-Id: the caller's traceparent's trace, a new one without it, "
            + "refusals included")
    void answersNameTheirTrace() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var created = api().post().uri("/api/complaints").header("Authorization", DESK)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(MediaType.APPLICATION_JSON).body(Complaints.phoneCall("traced"))
                .retrieve().toEntity(String.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getHeaders().get(TraceIdHeader.HEADER)).containsExactly(traceId);

        var refused = api().post().uri("/api/complaints").header("Authorization", DESK)
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().toEntity(String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getFirst(TraceIdHeader.HEADER)).matches("[0-9a-f]{32}").isNotEqualTo(traceId);
    }

    @Test
    @DisplayName("kefu.processor.backlog of the relay: events stored and not yet on the topic, 0 again once published")
    void relayLagIsTheEventsNotYetPublished() {
        EventProcessor relay = processing.eventProcessor(EventRelay.PROCESSING_GROUP).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> relayBacklog() == 0);
        relay.shutDown();
        try {
            register("relay stopped 1");
            register("relay stopped 2");
            await().atMost(Duration.ofSeconds(30)).until(() -> relayBacklog() >= 2);
        } finally {
            relay.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> relayBacklog() == 0);
    }

    @Test
    @DisplayName("kefu.complaints.deadlines.missed counts each missed stage the complaints record (C10), by priority")
    void missedDeadlinesAreCounted() {
        String id = register("deadline meter");
        await().atMost(Duration.ofSeconds(20)).until(() -> !jdbc.queryForList(
                "select stage from complaint_deadline where complaint_id = ?", String.class, id).isEmpty());
        double before = missed("NORMAL");

        clock.advance(Duration.ofHours(5)); // NORMAL may stay RECEIVED for 4 h
        assertThat(watch.check()).isPositive();

        // other complaints of the database may have missed theirs in the same check: at least this one's is counted
        await().atMost(Duration.ofSeconds(10)).until(() -> missed("NORMAL") >= before + 1);
        assertThat(missed("URGENT")).as("a series for every priority from the start").isNotNaN();
    }

    @Test
    @DisplayName("kefu.projection.replays counts the replays an administrator starts; readiness waits for the projections")
    void replaysAreCountedAndReadinessWaitsForTheProjections() {
        assertThat(backlog.behind()).as("every projection caught up since the start").isEmpty();
        assertThat(api().get().uri("/readyz").retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(200);
        double replays = registry.get(ProjectionController.REPLAYS).tag("projection", "complaint-view").counter()
                .count();

        var replay = call(HttpMethod.POST, ADMIN, "/admin/projections/complaint-view/replay", null);
        assertThat(replay.getStatusCode().value()).isEqualTo(202);

        assertThat(registry.get(ProjectionController.REPLAYS).tag("projection", "complaint-view").counter().count())
                .isEqualTo(replays + 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> !call(HttpMethod.GET, ADMIN,
                "/admin/projections/complaint-view", null).getBody().get("replaying").asBoolean());
        assertThat(backlog.behind()).as("a replay later does not take the instance out of service").isEmpty();
    }

    private String register(String subject) {
        var created = call(HttpMethod.POST, DESK, "/api/complaints", Complaints.phoneCall(subject));
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        return created.getBody().get("id").asText();
    }

    private double registered(String channel) {
        return registry.get(ComplaintMeters.REGISTERED).tag("channel", channel).counter().count();
    }

    private double missed(String priority) {
        return registry.get(ComplaintMeters.DEADLINES_MISSED).tag("priority", priority).counter().count();
    }

    private double relayBacklog() {
        return registry.get(ProcessorBacklog.METER).tag("processor", EventRelay.PROCESSING_GROUP).gauge().value();
    }
}
