package com.kefu.broadcast.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.broadcast.Scripts;
import com.kefu.broadcast.api.BroadcastTopics;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Topics;
import com.kefu.platform.test.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Drafting scripts through the API, against real PostgreSQL and Kafka. */
@AutoConfigureObservability
class ScriptApiTest extends ServiceTest {

    private static final String BROADCASTER = Tokens.bearer("broadcaster", "BROADCASTER");

    @Autowired
    ObjectMapper json;

    private ResponseEntity<JsonNode> draft(String token, Map<String, Object> body) {
        var request = api().post().uri("/api/scripts").contentType(MediaType.APPLICATION_JSON).body(body);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, token);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> read(String token, String id) {
        return api().get().uri("/api/scripts/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, token)
                .retrieve().toEntity(JsonNode.class);
    }

    @Test
    @DisplayName("B2 a script in Chinese and Russian is drafted as version 1 and the supervisor and auditor read it")
    void draftsAndReads() {
        String title = "opening-" + UUID.randomUUID();
        var drafted = draft(BROADCASTER, Scripts.opening(title));
        assertThat(drafted.getStatusCode().value()).isEqualTo(201);
        String id = drafted.getBody().get("id").asText();
        assertThat(drafted.getHeaders().getLocation()).hasPath("/api/scripts/" + id);
        assertThat(drafted.getBody().get("version").asInt()).isEqualTo(1);
        assertThat(drafted.getBody().get("status").asText()).isEqualTo("DRAFT");

        for (String reader : List.of("BROADCASTER", "SUPERVISOR", "AUDITOR")) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                var read = read(Tokens.bearer(reader.toLowerCase(), reader), id);
                assertThat(read.getStatusCode().value()).isEqualTo(200);
                assertThat(read.getBody().get("title").asText()).isEqualTo(title);
                assertThat(read.getBody().get("textZh").asText()).isEqualTo(Scripts.TEXT_ZH);
                assertThat(read.getBody().get("textRu").asText()).isEqualTo(Scripts.TEXT_RU);
                assertThat(read.getBody().get("status").asText()).isEqualTo("DRAFT");
                assertThat(read.getBody().get("author").asText()).isEqualTo("broadcaster");
            });
        }
    }

    @Test
    @DisplayName("B2 a drafted script is published on broadcast.events as ScriptDrafted, keyed by its id")
    void publishesTheDraft() throws Exception {
        String id = draft(BROADCASTER, Scripts.opening("published-" + UUID.randomUUID())).getBody().get("id").asText();

        ConsumerRecord<String, byte[]> published = Topics.awaitRecord(BroadcastTopics.EVENTS, id);
        assertThat(published.key()).isEqualTo(id);
        JsonNode envelope = json.readTree(published.value());
        assertThat(envelope.get("type").asText()).isEqualTo("ScriptDrafted");
        assertThat(envelope.get("version").asInt()).isEqualTo(1);
        assertThat(envelope.get("aggregateId").asText()).isEqualTo(id);
        assertThat(envelope.get("sequence").asLong()).isZero();
        assertThat(envelope.get("actor").asText()).isEqualTo("broadcaster");
        assertThat(UUID.fromString(envelope.get("id").asText())).isNotNull();
        assertThat(envelope.get("data").get("scriptId").asText()).isEqualTo(id);
        assertThat(envelope.get("data").get("version").asInt()).isEqualTo(1);
        assertThat(envelope.get("data").get("textZh").asText()).isEqualTo(Scripts.TEXT_ZH);
        assertThat(envelope.get("data").get("textRu").asText()).isEqualTo(Scripts.TEXT_RU);
    }

    @Test
    @DisplayName("B2 a script without its Russian text is a 400 problem naming textRu")
    void refusesWithoutRussian() {
        var refused = draft(BROADCASTER, Scripts.withoutRussian("no-russian"));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().get("detail").asText()).contains("textRu");

        Map<String, Object> chineseAsRussian = Scripts.opening("chinese-as-russian");
        chineseAsRussian.put("textRu", Scripts.TEXT_ZH);
        var wrongLanguage = draft(BROADCASTER, chineseAsRussian);
        assertThat(wrongLanguage.getStatusCode().value()).isEqualTo(400);
        assertThat(wrongLanguage.getBody().get("detail").asText())
                .contains("textRu must be Russian text (Cyrillic letters)");
    }

    @Test
    @DisplayName("B2 Russian text in the Chinese field is a 400 problem naming textZh and what is wrong")
    void refusesRussianAsChinese() {
        var refused = draft(BROADCASTER, Scripts.russianInTheChineseText("russian-as-chinese"));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().get("detail").asText())
                .contains("textZh must be Chinese text (Han characters)");

        Map<String, Object> mixed = Scripts.opening("mixed");
        mixed.put("textZh", Scripts.TEXT_ZH + " " + Scripts.TEXT_RU);
        var mixedIn = draft(BROADCASTER, mixed);
        assertThat(mixedIn.getStatusCode().value()).isEqualTo(400);
        assertThat(mixedIn.getBody().get("detail").asText()).contains("textZh", "Cyrillic");
    }

    @Test
    @DisplayName("S4 only a broadcaster drafts scripts: front desk 403, no token 401; an unknown script is 404")
    void refusesStrangers() {
        var frontDesk = draft(Tokens.bearer("desk", "FRONT_DESK"), Scripts.opening("front-desk"));
        assertThat(frontDesk.getStatusCode().value()).isEqualTo(403);
        assertThat(frontDesk.getHeaders().getContentType().toString()).startsWith("application/problem+json");

        var anonymous = draft(null, Scripts.opening("anonymous"));
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getContentType().toString()).startsWith("application/problem+json");

        var supervisor = draft(Tokens.bearer("supervisor", "SUPERVISOR"), Scripts.opening("supervisor"));
        assertThat(supervisor.getStatusCode().value()).isEqualTo(403);

        assertThat(read(Tokens.bearer("desk", "FRONT_DESK"), UUID.randomUUID().toString()).getStatusCode().value())
                .isEqualTo(403);
        assertThat(read(BROADCASTER, UUID.randomUUID().toString()).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    @DisplayName("actuator health and prometheus answer without a token, with metrics tagged by application")
    void servesHealthAndMetrics() {
        assertServesHealthMetricsAndDocs("broadcast-service", "/api/scripts");
    }
}
