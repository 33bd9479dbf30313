package com.kefu.dutylog.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.dutylog.Shifts;
import com.kefu.platform.test.ReadBack;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R1 a read by id right after a 2xx write shows the write: no wait, no retry, 100 times in a row (the views are
 * kept in the command's own transaction).
 */
class ReadYourWritesTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String NIGHT = Tokens.bearer("night", "FRONT_DESK");

    @Autowired
    Clock clock;

    private ReadBack calls;

    @BeforeEach
    void client() {
        calls = new ReadBack(api());
    }

    @Test
    @DisplayName("R1 a shift opened, an entry, an incident reported and resolved, the handover proposed and accepted "
            + "with the next page opened: each reads back at once, 100 times; the incident's writes answer its version")
    void dutyLogReadsBackAtOnce() {
        for (int i = 0; i < 100; i++) {
            String shift = calls.write(DESK, "/api/shifts", Shifts.open("read-back-" + i)).get("id").asText();
            String s = "/api/shifts/" + shift;
            assertThat(calls.read(DESK, s).get("open").asBoolean()).isTrue();

            String entry = calls.write(DESK, s + "/entries", Shifts.entry("OTHER",
                    clock.instant().minus(Duration.ofMinutes(1)), "巡查 " + i)).get("id").asText();
            assertThat(calls.read(DESK, s).get("entries").findValuesAsText("id")).contains(entry);

            String incident = "/api/incidents/" + calls.write(DESK, "/api/incidents", Shifts.waterLeak(shift))
                    .get("id").asText();
            long reported = calls.lastVersion();
            assertThat(calls.read(DESK, incident).get("resolved").asBoolean()).isFalse();
            calls.write(DESK, incident + "/resolve", Map.of("outcome", "已修"));
            assertThat(calls.lastVersion()).isGreaterThan(reported);
            assertThat(calls.read(DESK, incident).get("resolved").asBoolean()).isTrue();

            calls.write(DESK, s + "/handover", Shifts.handover("night"));
            assertThat(calls.read(NIGHT, s).get("handoverProposal").get("incoming").asText()).isEqualTo("night");
            String next = calls.write(NIGHT, s + "/handover/acceptance", Map.of()).get("next").get("id").asText();
            assertThat(calls.read(NIGHT, "/api/shifts/" + next).get("openedBy").asText()).isEqualTo("night");
            JsonNode handedOver = calls.read(DESK, s);
            assertThat(handedOver.get("open").asBoolean()).isFalse();
            assertThat(handedOver.get("handover").get("incoming").asText()).isEqualTo("night");
        }
    }

    @Test
    @DisplayName("R1 D17 D18 a parcel received and handed over, a visitor in and out: the held list and the list of "
            + "visitors in the building show each at once, 100 times")
    void deskKeepingReadsBackAtOnce() {
        for (int i = 0; i < 100; i++) {
            String tenant = "R1-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
            String parcel = calls.write(DESK, "/api/parcels", Shifts.parcel(tenant)).get("id").asText();
            assertThat(calls.read(DESK, "/api/parcels/held?tenant=" + tenant).findValuesAsText("id"))
                    .containsExactly(parcel);
            calls.write(NIGHT, "/api/parcels/" + parcel + "/handover", Shifts.collection(tenant, "店员 王"));
            assertThat(calls.read(DESK, "/api/parcels/held?tenant=" + tenant)).isEmpty();

            String visit = calls.write(DESK, "/api/visitors", Shifts.visitor("访客 " + i, "R1-" + i)).get("id")
                    .asText();
            assertThat(calls.read(NIGHT, "/api/visitors/in-building").findValuesAsText("id")).contains(visit);
            calls.write(NIGHT, "/api/visitors/" + visit + "/departure", null);
            assertThat(calls.read(DESK, "/api/visitors/in-building").findValuesAsText("id")).doesNotContain(visit);
        }
    }

    @Test
    @DisplayName("R1 D16 D19 a round's repair order acknowledged and closed, a task given and done: the lists and "
            + "each record read back at once, 100 times")
    void roundsAndTasksReadBackAtOnce() {
        String engineering = Tokens.departmentBearer("eng", "engineering");
        for (int i = 0; i < 100; i++) {
            JsonNode round = calls.write(DESK, "/api/rounds", Shifts.round());
            assertThat(calls.read(DESK, "/api/rounds/" + round.get("id").asText()).get("faults").asInt()).isEqualTo(1);
            String order = "/api/repair-orders/" + round.get("checks").get(1).get("repairOrderId").asText();
            assertThat(calls.read(engineering, order).get("status").asText()).isEqualTo("OPEN");
            calls.write(engineering, order + "/acknowledgement", Map.of());
            assertThat(calls.read(DESK, order).get("status").asText()).isEqualTo("ACKNOWLEDGED");
            calls.write(engineering, order + "/closure", Map.of("result", "修好 " + i));
            assertThat(calls.read(DESK, order).get("status").asText()).isEqualTo("CLOSED");

            String task = "/api/tasks/" + calls.write(DESK, "/api/tasks",
                    Shifts.taskToPost("read-back", clock.instant().plus(Duration.ofHours(1)))).get("id").asText();
            assertThat(calls.read(NIGHT, task).get("done").asBoolean()).isFalse();
            calls.write(NIGHT, task + "/done", null);
            assertThat(calls.read(DESK, task).get("doneBy").asText()).isEqualTo("night");
        }
    }
}
