package com.kefu.dutylog.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.dutylog.Shifts;
import com.kefu.dutylog.api.DutylogTopics;
import com.kefu.platform.test.PersonalDataSweepTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.kefu.platform.test.PersonalDataSweep.distinct;
import static com.kefu.platform.test.PersonalDataSweep.newDocument;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * S5 over the whole of dutylog-service: the person a lost item was handed back to and their identity document, a
 * visitor, a parcel's collector and signature note, with distinctive values, read by every GET endpoint as every role
 * with the id of every kind of record (a shift, its entry, an incident, a lost item, a visit, a parcel, the day) in
 * every path: in clear only from the claimant's read (PD2), and no endpoint serves two kinds of record; never on
 * dutylog.events or in the logs (at DEBUG).
 */
class S5PersonalDataSweepTest extends PersonalDataSweepTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");

    @Test
    @DisplayName("S5 PD1 PD2 PD3 S1 S2 every GET of dutylog-service as every role with every kind of record's id: a lost item's "
            + "claimant and identity document in clear only from the claimant's read, a visitor's name, a parcel's "
            + "collector and signature only masked, each endpoint serves its own kind of record only; never "
            + "on dutylog.events or in a log line")
    void personalDataInClearOnlyFromTheClaimantsRead() {
        String claimant = distinct("Иванова Анна");
        String document = newDocument("护照 E");
        String shift = post(DESK, "/api/shifts", Shifts.open("front-desk"));
        String entry = post(DESK, "/api/shifts/" + shift + "/entries", Shifts.entry("OTHER",
                clock.instant().minusSeconds(300), "大堂巡查 / обход"));
        String incident = post(DESK, "/api/incidents", Shifts.waterLeak(shift));
        String item = post(DESK, "/api/lost-items", Shifts.lostItem(clock.instant().minusSeconds(600)));
        post(DESK, "/api/lost-items/" + item + "/claim",
                Map.of("claimant", claimant, "identityChecked", true, "identityDocument", document));
        String visitor = distinct("Пётр Орлов");
        String visit = post(DESK, "/api/visitors", Shifts.visitor(visitor, "V-" + UUID.randomUUID().toString().substring(0, 6)));
        String collector = distinct("欧阳修");
        String signature = newDocument("工牌 S");
        String parcel = post(DESK, "/api/parcels", Shifts.parcel("A-301 服装店"));
        post(DESK, "/api/parcels/" + parcel + "/handover",
                Map.of("tenant", "A-301 服装店", "collectedBy", collector, "signature", signature));
        JsonNode round = seed(DESK, "POST", "/api/rounds", Shifts.round());
        String task = post(DESK, "/api/tasks", Shifts.taskToPost("front-desk", clock.instant().plusSeconds(3600)));

        int requests = sweep()
                .name(claimant).document(document)
                .name(visitor)
                .name(collector).document(signature)
                .record("Shift", shift).record("Incident", incident).record("LostItem", item)
                .record("Visit", visit).record("Parcel", parcel)
                .record("Round", round.path("id").asText())
                .record("RepairOrder", round.path("checks").get(1).path("repairOrderId").asText())
                .record("Task", task)
                .pathValues(entry, today().toString())
                .contactRead("GET /api/lost-items/{id}/claimant")
                .topic(DutylogTopics.EVENTS, shift)
                .assertEverywhere();
        assertThat(requests).isGreaterThan(300);
    }
}
