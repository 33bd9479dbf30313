package com.kefu.dutylog.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.dutylog.Shifts;
import com.kefu.platform.axon.AuditedRecords;
import com.kefu.platform.test.AuditedRecordsChecks;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static com.kefu.platform.test.MutableClock.MALL;
import static org.assertj.core.api.Assertions.assertThat;

/** A4 every record of the duty log has its history and its view as it was, through the platform's mechanism. */
class AuditedRecordsTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String MANAGER = Tokens.bearer("manager", "CS_MANAGER");
    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");

    @Autowired
    AuditedRecords records;

    @Autowired
    MutableClock clock;

    @Test
    @DisplayName("A4 every aggregate of the service is a kind of auditable record")
    void everyAggregateIsAKind() {
        AuditedRecordsChecks.everyAggregateIsAKind(records, "com.kefu.dutylog");
    }

    @Test
    @DisplayName("A4 a record of each kind as of its last event is the live read; a visit as it was is still in the "
            + "building")
    void asOfNowIsLiveForEveryKind() {
        Map<String, String> ids = new LinkedHashMap<>();
        String shift = post("/api/shifts", Shifts.open("audit-" + UUID.randomUUID().toString().substring(0, 6)))
                .get("id").asText();
        post("/api/shifts/" + shift + "/entries", Shifts.entry("OTHER", clock.instant().minus(Duration.ofMinutes(5)),
                "巡查正常"));
        ids.put("shifts", shift);
        String incident = post("/api/incidents", Shifts.waterLeak(shift)).get("id").asText();
        post("/api/incidents/" + incident + "/resolve", Map.of("outcome", "已修"));
        ids.put("incidents", incident);
        JsonNode round = post("/api/rounds", Shifts.round());
        ids.put("rounds", round.get("id").asText());
        ids.put("repair-orders", round.get("checks").get(1).get("repairOrderId").asText());
        ids.put("tasks", post("/api/tasks", Shifts.taskToPost("audit", clock.instant().plus(Duration.ofHours(1))))
                .get("id").asText());
        String tenant = "A4-" + UUID.randomUUID().toString().substring(0, 6);
        String parcel = post("/api/parcels", Shifts.parcel(tenant)).get("id").asText();
        post("/api/parcels/" + parcel + "/handover", Shifts.collection(tenant, "店员 王"));
        ids.put("parcels", parcel);
        ids.put("lost-items", post("/api/lost-items", Shifts.lostItem(clock.instant().minus(Duration.ofMinutes(30))))
                .get("id").asText());
        String badge = "A4-" + UUID.randomUUID().toString().substring(0, 4);
        String visit = post("/api/visitors", Shifts.visitor("访客 刘", badge)).get("id").asText();
        JsonNode visitHistory = expect(call(HttpMethod.GET, AUDITOR, "/api/audit/dutylog/records/visitors/" + visit
                + "/history", null), 200);
        String arrived = visitHistory.get(visitHistory.size() - 1).get("occurredAt").asText();
        post("/api/visitors/" + visit + "/departure", null);
        ids.put("visitors", visit);
        ids.put("badges", "badge-" + badge);
        LocalDate today = LocalDate.ofInstant(clock.instant(), MALL);
        expect(call(HttpMethod.POST, MANAGER, "/api/duty-days/" + today + "/signature", null), 200);
        ids.put("duty-days", "duty-day-" + today);

        for (var kind : ids.entrySet()) {
            AuditedRecordsChecks.asOfNowIsLive("dutylog", kind.getKey(), kind.getValue(),
                    path -> call(HttpMethod.GET, AUDITOR, path, null));
        }

        JsonNode then = expect(call(HttpMethod.GET, AUDITOR, "/api/audit/dutylog/records/visitors/" + visit
                + "?asOf=" + arrived, null), 200);
        assertThat(then.get("inBuilding").asBoolean()).isTrue();
        assertThat(then.has("leftAt")).as(then.toString()).isFalse();
        String badgeRecord = "/api/audit/dutylog/records/badges/badge-" + badge;
        String issued = expect(call(HttpMethod.GET, AUDITOR, badgeRecord + "/history", null), 200).get(0)
                .get("occurredAt").asText();
        JsonNode badgeThen = expect(call(HttpMethod.GET, AUDITOR, badgeRecord + "?asOf=" + issued, null), 200);
        assertThat(badgeThen.get("outWith").asText()).isEqualTo(visit);
        assertThat(expect(call(HttpMethod.GET, AUDITOR, badgeRecord, null), 200).has("outWith")).isFalse();
    }

    private JsonNode post(String path, Object body) {
        var answer = call(HttpMethod.POST, DESK, path, body);
        assertThat(answer.getStatusCode().value()).as("POST " + path + ": " + answer.getBody()).isIn(200, 201);
        return answer.getBody();
    }
}
