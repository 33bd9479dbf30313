package com.kefu.broadcast.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.broadcast.Calls;
import com.kefu.broadcast.api.BroadcastTopics;
import com.kefu.broadcast.command.ScriptLanguages;
import com.kefu.dutylog.api.DutylogTopics;
import com.kefu.platform.messaging.ProcessedEvents;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.kefu.broadcast.Calls.AUDITOR;
import static com.kefu.broadcast.Calls.BROADCASTER;
import static com.kefu.broadcast.Calls.FRONT_DESK;
import static org.assertj.core.api.Assertions.assertThat;

/** The fire flow from the duty log to the air (B7, D10), against real PostgreSQL and Kafka. */
class EmergencyFlowTest extends ServiceTest {

    @Autowired
    ObjectMapper json;

    @Autowired
    MutableClock clock;

    @Autowired
    ProcessedEvents processed;

    /** An IncidentReported envelope as dutylog-service publishes it; {@code fire}: the fire details or null. */
    private String incidentReported(UUID eventId, String incidentId, String category, boolean major,
                                    String fire) {
        Instant at = clock.instant();
        return """
                {"id":"%s","type":"IncidentReported","version":1,"aggregateId":"%s","sequence":0,
                 "occurredAt":"%s","actor":"desk","department":null,
                 "data":{"incidentId":"%s","shiftId":"shift-1","category":"%s","major":%s,"reporter":"王芳",
                         "location":"一楼服务台","description":"B1 仓库冒烟","fire":%s,"occurredAt":"%s",
                         "reportedBy":"desk","reportedAt":"%s"}}"""
                .formatted(eventId, incidentId, at, incidentId, category, major, fire, at, at, at);
    }

    private static void publish(String incidentId, String envelope) {
        Topics.publish(DutylogTopics.EVENTS, incidentId, envelope.getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> linesOf(JsonNode log, String field, String value) {
        List<JsonNode> lines = new ArrayList<>();
        log.forEach(line -> {
            if (value.equals(line.path(field).asText())) {
                lines.add(line);
            }
        });
        return lines;
    }

    @Test
    @DisplayName("B7 a fire on dutylog.events airs the evacuation template at once in both languages, logged and published on broadcast.events once, though delivered twice")
    void fireAirsEvacuationOnce() throws Exception {
        Calls calls = new Calls(api());
        String fire = "i-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String envelope = incidentReported(eventId, fire, "FIRE", true,
                """
                {"fireLocation":"B1 仓库","burning":"纸箱 cardboard","flame":true,"smoke":true}""");
        publish(fire, envelope);
        publish(fire, envelope); // the relay publishes at least once
        String theft = "i-" + UUID.randomUUID();
        publish(theft, incidentReported(UUID.randomUUID(), theft, "THEFT", true, "null"));
        String marker = "i-" + UUID.randomUUID();
        publish(fire, incidentReported(UUID.randomUUID(), marker, "FIRE", true, "null")); // same partition, after

        String airings = "/api/airings?date=" + clock.today();
        JsonNode log = calls.await(airings, l -> linesOf(l, "incidentId", marker).size() == 2);
        List<JsonNode> lines = linesOf(log, "incidentId", fire);
        assertThat(lines).extracting(line -> line.get("language").asText()).containsExactly("zh", "ru");
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("emergency").asBoolean()).isTrue();
            assertThat(line.get("template").asText()).isEqualTo("FIRE_EVACUATION");
            assertThat(line.get("programme").asText()).isEqualTo("EMERGENCY");
            assertThat(line.get("airedBy").asText()).isEqualTo("system:emergency");
        });
        assertThat(linesOf(log, "incidentId", theft)).isEmpty();
        assertThat(processed.processed(IncidentListener.CONSUMER, eventId)).isTrue();

        List<ConsumerRecord<String, byte[]>> published = Topics.awaitRecords(BroadcastTopics.EVENTS,
                "emergency-" + fire);
        assertThat(published).hasSize(1);
        JsonNode aired = json.readTree(published.get(0).value());
        assertThat(aired.get("type").asText()).isEqualTo("EmergencyAired");
        assertThat(aired.get("actor").asText()).isEqualTo("system:emergency");
        assertThat(aired.get("data").get("incidentId").asText()).isEqualTo(fire);
        assertThat(aired.get("data").get("template").asText()).isEqualTo("FIRE_EVACUATION");
        assertThat(aired.get("data").get("languages").toString()).isEqualTo("[\"zh\",\"ru\"]");
        assertThat(aired.get("data").get("cause").asText()).contains("B1 仓库", "纸箱 cardboard");
        // PD1: who reported the fire (a customer, a caller) stays in the duty log; the announcement's log says what
        // and where
        assertThat(aired.get("data").get("cause").asText()).doesNotContain("王芳");
        assertThat(ScriptLanguages.isChinese(aired.get("data").get("textZh").asText())).isTrue();
        assertThat(ScriptLanguages.isRussian(aired.get("data").get("textRu").asText())).isTrue();
    }

    @Test
    @DisplayName("B7 the pre-approved templates exist in both languages; staff air the lost child template at once")
    void lostChild() {
        Calls calls = new Calls(api());
        JsonNode templates = calls.get(AUDITOR, "/api/emergencies/templates").getBody();
        assertThat(templates).extracting(t -> t.get("code").asText())
                .containsExactly("FIRE_EVACUATION", "LOST_CHILD");
        assertThat(templates).allSatisfy(t -> {
            assertThat(ScriptLanguages.isChinese(t.get("textZh").asText())).isTrue();
            assertThat(ScriptLanguages.isRussian(t.get("textRu").asText())).isTrue();
        });

        String id = calls.expect(201, BROADCASTER, "/api/emergencies",
                Map.of("template", "LOST_CHILD", "cause", "穿红衣服的男孩 boy in red, 5 years old")).get("id").asText();
        JsonNode log = calls.await("/api/airings", l -> linesOf(l, "template", "LOST_CHILD").size() >= 2);
        assertThat(linesOf(log, "template", "LOST_CHILD")).allSatisfy(line -> {
            assertThat(line.get("emergency").asBoolean()).isTrue();
            assertThat(line.get("airedBy").asText()).isEqualTo("broadcaster");
            assertThat(line.get("id").asText()).startsWith(id);
        });
        Calls.assertProblem(calls.post(BROADCASTER, "/api/emergencies", Map.of("template", "ALIENS")), 404);
        Calls.assertProblem(calls.post(FRONT_DESK, "/api/emergencies", Map.of("template", "LOST_CHILD")), 403);
    }

    @Test
    @DisplayName("API-IDEM B7 an emergency sent again with the same Idempotency-Key (the answer was lost) answers the first "
            + "and airs nothing again; without a key each call airs")
    void retriedEmergencyAirsOnce() {
        Calls calls = new Calls(api());
        String key = UUID.randomUUID().toString();
        Map<String, Object> lostChild = Map.of("template", "LOST_CHILD", "cause", "穿蓝衣服的女孩 girl in blue");
        var first = emergencyWithKey(key, lostChild);
        var retry = emergencyWithKey(key, lostChild);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        String id = first.getBody().get("id").asText();

        String later = calls.expect(201, BROADCASTER, "/api/emergencies", lostChild).get("id").asText();
        assertThat(later).isNotEqualTo(id);
        // once the later call's lines are in the log, so would be lines a second airing of the first had written
        JsonNode log = calls.await("/api/airings", l -> linesStartingWith(l, later).size() == 2);
        assertThat(linesStartingWith(log, id)).hasSize(2);
    }

    private ResponseEntity<JsonNode> emergencyWithKey(String key, Map<String, Object> body) {
        return api().post().uri("/api/emergencies").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, BROADCASTER)
                .header("Idempotency-Key", key).body(body).retrieve().toEntity(JsonNode.class);
    }

    private static List<JsonNode> linesStartingWith(JsonNode log, String id) {
        List<JsonNode> lines = new ArrayList<>();
        log.forEach(line -> {
            if (line.path("id").asText().startsWith(id)) {
                lines.add(line);
            }
        });
        return lines;
    }
}
