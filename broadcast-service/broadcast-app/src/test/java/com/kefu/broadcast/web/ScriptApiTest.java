package com.kefu.broadcast.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.broadcast.Calls;
import com.kefu.broadcast.Scripts;
import com.kefu.broadcast.api.BroadcastTopics;
import com.kefu.broadcast.speech.SpeechSynthesis;
import com.kefu.platform.test.MutableClock;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Scripts, their approval and what aired, through the API, against real PostgreSQL and Kafka (B2, B3, B4). */
@AutoConfigureObservability
class ScriptApiTest extends ServiceTest {

    private static final String BROADCASTER = Calls.BROADCASTER;
    private static final String SUPERVISOR = Calls.SUPERVISOR;
    private static final String AUDITOR = Calls.AUDITOR;
    private static final String FRONT_DESK = Calls.FRONT_DESK;
    @Autowired
    ObjectMapper json;

    @Autowired
    MutableClock clock;

    @Autowired
    SpeechSynthesis speech;

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
            var read = read(Tokens.bearer(reader.toLowerCase(), reader), id);
            assertThat(read.getStatusCode().value()).isEqualTo(200);
            assertThat(read.getBody().get("title").asText()).isEqualTo(title);
            assertThat(read.getBody().get("textZh").asText()).isEqualTo(Scripts.TEXT_ZH);
            assertThat(read.getBody().get("textRu").asText()).isEqualTo(Scripts.TEXT_RU);
            assertThat(read.getBody().get("status").asText()).isEqualTo("DRAFT");
            assertThat(read.getBody().get("author").asText()).isEqualTo("broadcaster");
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

    private Calls calls() {
        return new Calls(api());
    }

    private String today() {
        return clock.today().toString();
    }

    @Test
    @DisplayName("B3 a script goes DRAFT → SUBMITTED → APPROVED by a supervisor; a broadcaster cannot approve (403)")
    void approvalWorkflow() {
        Calls calls = calls();
        String id = calls.draft(Scripts.opening("approval"));
        Calls.assertProblem(calls.post(SUPERVISOR, "/api/scripts/" + id + "/approve", null), 409,
                "script-workflow", "DRAFT", "B3");
        assertThat(calls.expect(200, BROADCASTER, "/api/scripts/" + id + "/submit", null).get("status").asText())
                .isEqualTo("SUBMITTED");
        Calls.assertProblem(calls.post(BROADCASTER, "/api/scripts/" + id + "/approve", null), 403);
        JsonNode approved = calls.expect(200, SUPERVISOR, "/api/scripts/" + id + "/approve",
                Map.of("validFrom", today(), "validUntil", clock.today().plusDays(7).toString()));
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        JsonNode view = calls.await("/api/scripts/" + id, script -> script.get("status").asText().equals("APPROVED"));
        assertThat(view.get("airableVersion").asInt()).isEqualTo(1);
        assertThat(view.get("validUntil").asText()).isEqualTo(clock.today().plusDays(7).toString());
    }

    @Test
    @DisplayName("B3 a supervisor cannot approve a script they wrote: 409 naming the rule")
    void authorCannotApprove() {
        Calls calls = calls();
        String both = Tokens.bearer("lead", "BROADCASTER", "SUPERVISOR");
        String id = calls.expect(201, both, "/api/scripts", Scripts.opening("own")).get("id").asText();
        calls.expect(200, both, "/api/scripts/" + id + "/submit", null);
        Calls.assertProblem(calls.post(both, "/api/scripts/" + id + "/approve", null), 409,
                "approver-is-author", "lead wrote a version of it", "B3");
        calls.expect(200, SUPERVISOR, "/api/scripts/" + id + "/approve", null);
    }

    @Test
    @DisplayName("B3 a rejection needs its reason (400 naming reason) and keeps it with the version")
    void rejectionCarriesReason() {
        Calls calls = calls();
        String id = calls.draft(Scripts.opening("rejected"));
        calls.expect(200, BROADCASTER, "/api/scripts/" + id + "/submit", null);
        Calls.assertProblem(calls.post(SUPERVISOR, "/api/scripts/" + id + "/reject", Map.of()), 400, "reason");
        calls.expect(200, SUPERVISOR, "/api/scripts/" + id + "/reject", Map.of("reason", "营业时间写错了"));
        JsonNode versions = calls.await("/api/scripts/" + id + "/versions",
                list -> list.get(0).get("status").asText().equals("REJECTED"));
        assertThat(versions.get(0).get("reason").asText()).isEqualTo("营业时间写错了");
        assertThat(versions.get(0).get("decidedBy").asText()).isEqualTo("supervisor");
        Calls.assertProblem(calls.post(SUPERVISOR, "/api/scripts/" + id + "/approve",
                Map.of("validFrom", "2026-12-31", "validUntil", "2026-12-01")), 409, "script-workflow");
    }

    @Test
    @DisplayName("B3 PUT makes a new version, DRAFT again; the approved version airs until the new one is approved")
    void editAfterApproval() {
        Calls calls = calls();
        String id = calls.approved(Scripts.opening("edited"), null);
        Map<String, Object> edit = Scripts.opening("edited");
        edit.put("textZh", Scripts.TEXT_ZH + "祝您购物愉快！");
        var revised = calls.call(HttpMethod.PUT, BROADCASTER, "/api/scripts/" + id, edit);
        assertThat(revised.getStatusCode().value()).isEqualTo(200);
        assertThat(revised.getBody().get("version").asInt()).isEqualTo(2);
        assertThat(revised.getBody().get("status").asText()).isEqualTo("DRAFT");

        assertThat(calls.expect(201, BROADCASTER, "/api/airings", Map.of("scriptId", id, "language", "zh"))
                .get("version").asInt()).isEqualTo(1);
        calls.expect(200, BROADCASTER, "/api/scripts/" + id + "/submit", null);
        calls.expect(200, SUPERVISOR, "/api/scripts/" + id + "/approve", null);
        assertThat(calls.expect(201, BROADCASTER, "/api/airings", Map.of("scriptId", id, "language", "zh"))
                .get("version").asInt()).isEqualTo(2);

        JsonNode versions = calls.await("/api/scripts/" + id + "/versions", list -> list.size() == 2
                && list.get(1).get("status").asText().equals("APPROVED"));
        assertThat(versions.get(0).get("status").asText()).isEqualTo("APPROVED");
        assertThat(versions.get(1).get("textZh").asText()).endsWith("祝您购物愉快！");

        Map<String, Object> broken = Scripts.opening("edited");
        broken.remove("textRu");
        Calls.assertProblem(calls.call(HttpMethod.PUT, BROADCASTER, "/api/scripts/" + id, broken), 400, "textRu");
    }

    @Test
    @DisplayName("B4 what aired is logged (script, version, language, when, by whom); a draft, withdrawn or expired script is 409")
    void airings() {
        Calls calls = calls();
        String draft = calls.draft(Scripts.opening("draft"));
        Calls.assertProblem(calls.post(BROADCASTER, "/api/airings", Map.of("scriptId", draft, "language", "zh")),
                409, "script-not-approved", "B4");
        Calls.assertProblem(calls.post(BROADCASTER, "/api/airings", Map.of("scriptId", draft, "language", "fr")),
                400, "language");
        Calls.assertProblem(calls.post(SUPERVISOR, "/api/airings", Map.of("scriptId", draft, "language", "zh")), 403);
        Calls.assertProblem(calls.post(BROADCASTER, "/api/airings",
                Map.of("scriptId", UUID.randomUUID().toString(), "language", "zh")), 404);

        String expired = calls.approved(Scripts.opening("expired"), Map.of("validUntil",
                clock.today().minusDays(1).toString()));
        Calls.assertProblem(calls.post(BROADCASTER, "/api/airings", Map.of("scriptId", expired, "language", "ru")),
                409, "script-expired");

        String id = calls.approved(Scripts.opening("aired"), null);
        JsonNode aired = calls.expect(201, BROADCASTER, "/api/airings", Map.of("scriptId", id, "language", "ru"));
        assertThat(aired.get("version").asInt()).isEqualTo(1);
        assertThat(aired.get("airedBy").asText()).isEqualTo("broadcaster");

        calls.expect(200, BROADCASTER, "/api/scripts/" + id + "/withdraw", Map.of("reason", "out of date"));
        Calls.assertProblem(calls.post(BROADCASTER, "/api/airings", Map.of("scriptId", id, "language", "zh")),
                409, "script-withdrawn");

        JsonNode log = calls.await("/api/airings?date=" + today(), list -> {
            for (JsonNode line : list) {
                if (line.get("id").asText().equals(aired.get("id").asText())) {
                    return true;
                }
            }
            return false;
        });
        JsonNode line = null;
        for (JsonNode candidate : log) {
            if (candidate.get("scriptId").asText().equals(id)) {
                line = candidate;
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.get("language").asText()).isEqualTo("ru");
        assertThat(line.get("version").asInt()).isEqualTo(1);
        assertThat(line.get("emergency").asBoolean()).isFalse();
        assertThat(line.get("airedBy").asText()).isEqualTo("broadcaster");
        assertThat(line.get("title").asText()).isEqualTo("aired");
        for (JsonNode other : log) {
            assertThat(other.get("scriptId").asText()).isNotIn(draft, expired);
        }
    }

    @Test
    @DisplayName("B3 the history of a script replays its events in order, with actors; the auditor reads it")
    void history() throws Exception {
        Calls calls = calls();
        String id = calls.approved(Scripts.opening("history"), null);
        calls.expect(201, BROADCASTER, "/api/airings", Map.of("scriptId", id, "language", "zh"));
        JsonNode history = calls.get(AUDITOR, "/api/scripts/" + id + "/history").getBody();
        assertThat(history).extracting(entry -> entry.get("type").asText())
                .containsExactly("ScriptDrafted", "ScriptSubmitted", "ScriptApproved", "ScriptAired");
        assertThat(history).extracting(entry -> entry.get("actor").asText())
                .containsExactly("broadcaster", "broadcaster", "supervisor", "broadcaster");
        assertThat(history).extracting(entry -> entry.get("sequence").asInt()).containsExactly(0, 1, 2, 3);
        assertThat(calls.get(FRONT_DESK, "/api/scripts/" + id + "/history").getStatusCode().value()).isEqualTo(403);
        assertThat(calls.get(AUDITOR, "/api/scripts/" + UUID.randomUUID() + "/history").getStatusCode().value())
                .isEqualTo(404);

        List<String> published = new java.util.ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : Topics.awaitRecords(BroadcastTopics.EVENTS, id)) {
            JsonNode envelope = json.readTree(record.value());
            assertThat(PublishedEventSchemas.envelopeErrors(envelope, BroadcastTopics.EVENTS)).isEmpty();
            published.add(envelope.get("type").asText());
        }
        assertThat(published).containsSubsequence("ScriptDrafted", "ScriptSubmitted", "ScriptApproved",
                "ScriptAired");
    }

    @Test
    @DisplayName("B3 an approved version is read out as audio where espeak-ng is installed, else a 503 problem; a draft is 409")
    void audio() {
        Calls calls = calls();
        String draft = calls.draft(Scripts.opening("audio-draft"));
        calls.await("/api/scripts/" + draft, script -> true);
        Calls.assertProblem(calls.get(BROADCASTER, "/api/scripts/" + draft + "/audio?language=zh"), 409,
                "script-not-approved");
        Calls.assertProblem(calls.get(BROADCASTER, "/api/scripts/" + draft + "/audio?language=en"), 400,
                "language");

        String id = calls.approved(Scripts.opening("audio"), null);
        calls.await("/api/scripts/" + id, script -> script.path("airableVersion").asInt() == 1);
        for (String language : List.of("zh", "ru")) {
            var audio = api().get().uri("/api/scripts/{id}/audio?language={language}", id, language)
                    .header(HttpHeaders.AUTHORIZATION, AUDITOR).retrieve().toEntity(byte[].class);
            if (speech.installed().isPresent()) {
                assertThat(audio.getStatusCode().value()).isEqualTo(200);
                assertThat(audio.getHeaders().getContentType().toString()).isEqualTo("audio/wav");
                assertThat(new String(audio.getBody(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                        .isEqualTo("RIFF");
                assertThat(audio.getBody().length).isGreaterThan(10_000);
            } else {
                assertThat(audio.getStatusCode().value()).isEqualTo(503);
                assertThat(new String(audio.getBody(), java.nio.charset.StandardCharsets.UTF_8))
                        .contains("espeak-ng is not installed");
            }
        }
    }

    @Test
    @DisplayName("actuator health and prometheus answer without a token, with metrics tagged by application")
    void servesHealthAndMetrics() {
        assertServesHealthMetricsAndDocs("broadcast-service", "/api/scripts");
    }

    @Test
    @DisplayName("API-IDEM B2 a retried draft with the same Idempotency-Key answers the first and drafts nothing new; "
            + "the same key from another user is 409 naming the rule")
    void retriedDraftDraftsOnce() {
        String programme = "retry-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> script = Scripts.of(programme, "开业广播 retried");
        String key = UUID.randomUUID().toString();
        var first = draftWithKey(BROADCASTER, key, script);
        var retry = draftWithKey(BROADCASTER, key, script);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());

        Calls.assertProblem(draftWithKey(Tokens.bearer("other", "BROADCASTER"), key, script), 409,
                "idempotency-key-reused");
        String second = draftWithKey(BROADCASTER, UUID.randomUUID().toString(), script).getBody().get("id").asText();
        // once the later draft shows in the list, so would a second one drafted by the retry
        JsonNode listed = new Calls(api()).await("/api/scripts?programme=" + programme,
                list -> list.toString().contains(second));
        List<String> ids = new ArrayList<>();
        listed.forEach(listedScript -> ids.add(listedScript.get("id").asText()));
        assertThat(ids).containsExactlyInAnyOrder(first.getBody().get("id").asText(), second);
    }

    private ResponseEntity<JsonNode> draftWithKey(String token, String key, Map<String, Object> body) {
        return api().post().uri("/api/scripts").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, token).header("Idempotency-Key", key).body(body)
                .retrieve().toEntity(JsonNode.class);
    }
}
