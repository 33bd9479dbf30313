package com.kefu.complaint.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.complaint.Complaints;
import com.kefu.complaint.api.ComplaintTopics;
import com.kefu.platform.test.PublishedEventSchemas;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import com.kefu.platform.test.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The first flow's complaint half, against real PostgreSQL and Kafka. */
@AutoConfigureObservability
class ComplaintApiTest extends ServiceTest {

    @Autowired
    ObjectMapper json;

    @Test
    @DisplayName("C1 C2 a complaint registered at the desk gets its number, is readable, and is published masked")
    void registersReadsAndPublishes() throws Exception {
        String subject = "subject-" + UUID.randomUUID();
        var created = api().post().uri("/api/complaints")
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("desk", "FRONT_DESK"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Complaints.phoneCall(subject))
                .retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String id = created.getBody().get("id").asText();
        assertThat(created.getBody().get("number").asText()).matches("KF-\\d{6}-\\d{5}");
        assertThat(created.getBody().get("status").asText()).isEqualTo("RECEIVED");
        assertThat(created.getBody().get("priority").asText()).isEqualTo("NORMAL");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var read = api().get().uri("/api/complaints/{id}", id)
                    .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("aftersales", "AFTER_SALES"))
                    .retrieve().toEntity(JsonNode.class);
            assertThat(read.getStatusCode().value()).isEqualTo(200);
            assertThat(read.getBody().get("subject").asText()).isEqualTo(subject);
            assertThat(read.getBody().get("customer").get("maskedPhone").asText()).isEqualTo("138****5678");
        });

        ConsumerRecord<String, byte[]> published = Topics.awaitRecord(ComplaintTopics.EVENTS, id);
        assertThat(published.key()).isEqualTo(id);
        JsonNode envelope = json.readTree(published.value());
        assertThat(envelope.get("type").asText()).isEqualTo("ComplaintReceived");
        assertThat(envelope.get("version").asInt()).isEqualTo(1);
        assertThat(envelope.get("aggregateId").asText()).isEqualTo(id);
        assertThat(envelope.get("sequence").asLong()).isZero();
        assertThat(envelope.get("actor").asText()).isEqualTo("desk");
        assertThat(UUID.fromString(envelope.get("id").asText())).isNotNull();
        assertThat(envelope.get("data").get("channel").asText()).isEqualTo("PHONE");
        assertThat(PublishedEventSchemas.envelopeErrors(envelope, ComplaintTopics.EVENTS)).as("C13").isEmpty();
        assertThat(new String(published.value(), StandardCharsets.UTF_8)).doesNotContain("13812345678");
    }

    @Test
    @DisplayName("bad input is a 400 problem naming the field; no token is 401; a wrong role is 403")
    void refusesBadInputAndStrangers() {
        Map<String, Object> noSubject = new java.util.HashMap<>(Complaints.phoneCall("x"));
        noSubject.remove("subject");
        var invalid = api().post().uri("/api/complaints")
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("desk", "FRONT_DESK"))
                .contentType(MediaType.APPLICATION_JSON).body(noSubject)
                .retrieve().toEntity(JsonNode.class);
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(invalid.getBody().get("detail").asText()).contains("subject");

        Map<String, Object> badChannel = new java.util.HashMap<>(Complaints.phoneCall("x"));
        badChannel.put("channel", "PIGEON");
        var wrongEnum = api().post().uri("/api/complaints")
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("desk", "FRONT_DESK"))
                .contentType(MediaType.APPLICATION_JSON).body(badChannel)
                .retrieve().toEntity(JsonNode.class);
        assertThat(wrongEnum.getStatusCode().value()).isEqualTo(400);
        assertThat(wrongEnum.getBody().get("detail").asText()).contains("channel");

        Map<String, Object> unknownField = new java.util.HashMap<>(Complaints.phoneCall("x"));
        unknownField.put("urgency", "very");
        var unknown = api().post().uri("/api/complaints")
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("desk", "FRONT_DESK"))
                .contentType(MediaType.APPLICATION_JSON).body(unknownField)
                .retrieve().toEntity(JsonNode.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().get("detail").asText()).contains("urgency");

        var notJson = api().post().uri("/api/complaints")
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("desk", "FRONT_DESK"))
                .contentType(MediaType.APPLICATION_JSON).body("{\"channel\": ")
                .retrieve().toEntity(JsonNode.class);
        assertThat(notJson.getStatusCode().value()).isEqualTo(400);
        assertThat(notJson.getBody().toString()).doesNotContain("at com.").doesNotContain("Exception");

        Map<String, Object> huge = new java.util.HashMap<>(Complaints.phoneCall("x"));
        huge.put("description", "长".repeat(5 * 1024 * 1024 / 3));
        var tooLarge = api().post().uri("/api/complaints")
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("desk", "FRONT_DESK"))
                .contentType(MediaType.APPLICATION_JSON).body(huge)
                .retrieve().toEntity(JsonNode.class);
        assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
        assertThat(tooLarge.getBody().get("type").asText()).isEqualTo("urn:kefu:problem:request-too-large");

        var anonymous = api().post().uri("/api/complaints")
                .contentType(MediaType.APPLICATION_JSON).body(Complaints.phoneCall("x"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getContentType().toString()).startsWith("application/problem+json");

        var broadcaster = api().post().uri("/api/complaints")
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("broadcaster", "BROADCASTER"))
                .contentType(MediaType.APPLICATION_JSON).body(Complaints.phoneCall("x"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(broadcaster.getStatusCode().value()).isEqualTo(403);

        var missing = api().get().uri("/api/complaints/{id}", UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("aftersales", "AFTER_SALES"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    @DisplayName("actuator health and prometheus answer without a token, with the processors' counts and lag and the "
            + "requests' timers tagged by application")
    void servesHealthAndMetrics() {
        var health = api().get().uri("/actuator/health").retrieve().toEntity(String.class);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        api().post().uri("/api/complaints")
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("desk", "FRONT_DESK"))
                .contentType(MediaType.APPLICATION_JSON).body(Complaints.phoneCall("metrics"))
                .retrieve().toBodilessEntity();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var metrics = api().get().uri("/actuator/prometheus").retrieve().toEntity(String.class);
            assertThat(metrics.getStatusCode().value()).isEqualTo(200);
            assertThat(metrics.getBody())
                    .contains("application=\"complaint-service\"")
                    .containsPattern("kefu_processor_events_total\\{application=\"complaint-service\","
                            + "processor=\"complaint-view\",result=\"success\",?\\} [1-9]")
                    .containsPattern("kefu_processor_lag_milliseconds\\{application=\"complaint-service\","
                            + "processor=\"kafka-relay\",?\\}")
                    .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/complaints\"")
                    .contains("kafka_producer_record_send_total");
        });
        var docs = api().get().uri("/v3/api-docs").retrieve().toEntity(String.class);
        assertThat(docs.getStatusCode().value()).isEqualTo(200);
        assertThat(docs.getBody()).contains("/api/complaints");
    }
}
