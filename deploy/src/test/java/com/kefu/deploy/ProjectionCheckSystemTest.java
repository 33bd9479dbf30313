package com.kefu.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A3 the auditors' projection checks through the gateway on the real system: each service's in-transaction views,
 * rebuilt from its event store into a shadow copy, equal the live ones; the gateway sends each check to its service.
 */
class ProjectionCheckSystemTest {

    private static Gateway auditor;
    private static Gateway desk;

    @BeforeAll
    static void startSystem() {
        String url = RunningSystem.gatewayUrl();
        auditor = Gateway.signIn(url, "auditor");
        desk = Gateway.signIn(url, "desk");
    }

    @Test
    @DisplayName("A3 every service's views rebuilt into a shadow copy equal the live ones, checked through the gateway")
    void everyServicesViewsEqualTheirRebuild() {
        var complaint = desk.post("/api/complaints", Map.of("channel", "PHONE", "category", "FACILITY",
                "severity", "NORMAL", "customer", Map.of("name", "王芳", "phone", "13700003333"),
                "subject", "核对 / сверка", "description", "projection check"));
        assertThat(complaint.status()).as(String.valueOf(complaint.body())).isEqualTo(201);
        Map<String, String> views = Map.of("complaint", "complaint-view", "dutylog", "duty-records",
                "broadcast", "broadcast-views", "membership", "member-view");
        views.forEach((service, view) -> {
            // a view the consumer of another service's topic is still writing may differ for a moment: asked again
            AtomicReference<JsonNode> last = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                Gateway.Response answer = auditor.post("/api/audit/" + service + "/projections/" + view + "/check",
                        null);
                assertThat(answer.status()).as(service + " " + answer.body()).isEqualTo(200);
                last.set(answer.body());
                assertThat(answer.body().path("equal").asBoolean()).as(service + " " + answer.body()).isTrue();
            });
            JsonNode result = last.get();
            assertThat(result.path("projection").asText()).isEqualTo(view);
            assertThat(result.path("tables").size()).as(service).isPositive();
        });
        assertThat(auditor.post("/api/audit/complaint/projections/kafka-relay/check", null).status()).isEqualTo(409);
        assertThat(desk.post("/api/audit/complaint/projections/complaint-view/check", null).status()).isEqualTo(403);
    }
}
