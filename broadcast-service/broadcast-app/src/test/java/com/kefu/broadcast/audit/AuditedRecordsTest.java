package com.kefu.broadcast.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.broadcast.Calls;
import com.kefu.broadcast.Scripts;
import com.kefu.platform.axon.AuditedRecords;
import com.kefu.platform.test.AuditedRecordsChecks;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static com.kefu.broadcast.Calls.AUDITOR;
import static com.kefu.broadcast.Calls.BROADCASTER;
import static com.kefu.broadcast.Calls.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

/** A4 every record of the broadcast service has its history and its view as it was, through the platform's mechanism. */
class AuditedRecordsTest extends ServiceTest {

    @Autowired
    AuditedRecords records;

    @Autowired
    MutableClock clock;

    @Test
    @DisplayName("A4 every aggregate of the service is a kind of auditable record")
    void everyAggregateIsAKind() {
        AuditedRecordsChecks.everyAggregateIsAKind(records, "com.kefu.broadcast");
    }

    @Test
    @DisplayName("A4 a record of each kind as of its last event is the live read; a plan and equipment as they were")
    void asOfNowIsLiveForEveryKind() {
        Calls calls = new Calls(api());
        Map<String, String> ids = new LinkedHashMap<>();
        String programme = "AUDIT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String script = calls.approved(Scripts.of(programme, "审计"), null);
        ids.put("scripts", script);
        String tomorrow = clock.today().plusDays(1).toString();
        calls.expect(201, BROADCASTER, "/api/plans/" + tomorrow + "/slots", Map.of("time", "10:00",
                "programme", programme, "scriptId", script));
        String plan = "/api/plans/" + tomorrow;
        JsonNode planHistory = expect(calls.get(AUDITOR, plan + "/history"), 200);
        String oneSlot = planHistory.get(planHistory.size() - 1).get("occurredAt").asText();
        calls.expect(201, BROADCASTER, plan + "/slots", Map.of("time", "11:00", "programme", programme,
                "scriptId", script));
        ids.put("plans", "plan-" + tomorrow);
        String equipment = calls.expect(201, BROADCASTER, "/api/equipment", Map.of("name", "调音台 Mixer",
                "location", "广播站")).get("id").asText();
        JsonNode equipmentHistory = expect(calls.get(AUDITOR, "/api/equipment/" + equipment + "/history"), 200);
        String registered = equipmentHistory.get(0).get("occurredAt").asText();
        calls.expect(201, BROADCASTER, "/api/equipment/" + equipment + "/maintenance", Map.of("description",
                "清洁推子", "performedBy", "technician"));
        ids.put("equipment", equipment);
        calls.expect(201, SUPERVISOR, "/api/programmes/" + programme + "/reviews", Map.of("verdict", "SOUND",
                "note", "好", "scriptId", script, "scriptVersion", 1));
        ids.put("programme-reviews", "review-" + programme);
        String emergency = calls.expect(201, BROADCASTER, "/api/emergencies", Map.of("template", "LOST_CHILD",
                "cause", "穿红衣服的男孩")).get("id").asText();
        ids.put("emergencies", emergency);

        for (var kind : ids.entrySet()) {
            AuditedRecordsChecks.asOfNowIsLive("broadcast", kind.getKey(), kind.getValue(),
                    path -> call(HttpMethod.GET, AUDITOR, path, null));
        }

        JsonNode planThen = expect(calls.get(AUDITOR, plan + "?asOf=" + oneSlot), 200);
        JsonNode planNow = expect(calls.get(AUDITOR, plan), 200);
        assertThat(planNow.get("slots").size() - planThen.get("slots").size()).isEqualTo(1);
        JsonNode equipmentThen = expect(calls.get(AUDITOR, "/api/equipment/" + equipment + "?asOf=" + registered),
                200);
        assertThat(equipmentThen.toString()).doesNotContain("清洁推子");
        assertThat(expect(calls.get(AUDITOR, "/api/equipment/" + equipment), 200).toString()).contains("清洁推子");
    }
}
