package com.kefu.dutylog.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.dutylog.Shifts;
import com.kefu.dutylog.api.DutylogTopics;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.PersonalDataSweep;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import com.kefu.platform.test.Topics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S5 over the whole of dutylog-service: the person a lost item was handed back to and their identity document, with
 * distinctive values, read by every GET endpoint as every role with the id of every kind of record (a shift, its
 * entry, an incident, a lost item, the day) in every path: never in clear (the service has no contact read), and no
 * endpoint serves two kinds of record; never on dutylog.events or in the logs (at DEBUG).
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.com.kefu=DEBUG", "logging.level.org.axonframework=DEBUG"})
class S5PersonalDataSweepTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");

    @Autowired
    private ApplicationContext context;

    @Autowired
    private MutableClock clock;

    private JsonNode post(String path, Object body) {
        var answer = api().post().uri(path).header(HttpHeaders.AUTHORIZATION, DESK)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + " " + answer.getBody()).isTrue();
        return answer.getBody();
    }

    @Test
    @DisplayName("S5 PD1 PD2 PD3 S1 every GET of dutylog-service as every role with every kind of record's id: a lost item's "
            + "claimant and identity document, a visitor's name, a parcel's collector and signature only masked, each endpoint serves its own kind of record only; never "
            + "on dutylog.events or in a log line")
    void personalDataNeverInClear(CapturedOutput logs) {
        String claimant = "Иванова Анна " + UUID.randomUUID().toString().substring(0, 4);
        String document = "护照 E" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));

        String shift = post("/api/shifts", Shifts.open("front-desk")).path("id").asText();
        String entry = post("/api/shifts/" + shift + "/entries", Shifts.entry("OTHER",
                clock.instant().minusSeconds(300), "大堂巡查 / обход")).path("id").asText();
        String incident = post("/api/incidents", Shifts.waterLeak(shift)).path("id").asText();
        String item = post("/api/lost-items", Shifts.lostItem(clock.instant().minusSeconds(600))).path("id").asText();
        post("/api/lost-items/" + item + "/claim",
                Map.of("claimant", claimant, "identityChecked", true, "identityDocument", document));
        String visitor = "Пётр Орлов " + UUID.randomUUID().toString().substring(0, 4);
        String visit = post("/api/visitors", Shifts.visitor(visitor, "V-" + UUID.randomUUID().toString()
                .substring(0, 6))).path("id").asText();
        String collector = "欧阳修 " + UUID.randomUUID().toString().substring(0, 4);
        String signature = "工牌 S" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
        String parcel = post("/api/parcels", Shifts.parcel("A-301 服装店")).path("id").asText();
        post("/api/parcels/" + parcel + "/handover",
                Map.of("tenant", "A-301 服装店", "collectedBy", collector, "signature", signature));
        JsonNode round = post("/api/rounds", Shifts.round());
        String task = post("/api/tasks", Shifts.taskToPost("front-desk", clock.instant().plusSeconds(3600)))
                .path("id").asText();
        LocalDate today = LocalDate.now(clock.withZone(MutableClock.MALL));

        int requests = PersonalDataSweep.of(context, port)
                .personal(claimant, Masking.name(claimant))
                .personal(document, Masking.document(document))
                .personal(visitor, Masking.name(visitor))
                .personal(collector, Masking.name(collector))
                .personal(signature, Masking.document(signature))
                .record("Shift", shift).record("Incident", incident).record("LostItem", item)
                .record("Visit", visit).record("Parcel", parcel)
                .record("Round", round.path("id").asText())
                .record("RepairOrder", round.path("checks").get(1).path("repairOrderId").asText())
                .record("Task", task)
                .pathValues(entry, today.toString())
                .at(clock.instant().plusSeconds(60), today)
                .assertNoClearValueOutsideContactReads();
        assertThat(requests).isGreaterThan(300);

        Topics.awaitRecord(DutylogTopics.EVENTS, shift);
        PersonalDataSweep sweep = PersonalDataSweep.of(context, port).personal(claimant, "").personal(document, "")
                .personal(visitor, "").personal(collector, "").personal(signature, "");
        sweep.assertNotOnTopic(DutylogTopics.EVENTS);
        assertThat(logs.getAll()).contains("DEBUG").contains("o.a.");
        sweep.assertNotIn("dutylog-service's log", logs.getAll());
    }
}
