package com.kefu.broadcast.privacy;

import com.kefu.broadcast.Calls;
import com.kefu.broadcast.Scripts;
import com.kefu.broadcast.api.BroadcastTopics;
import com.kefu.dutylog.api.DutylogTopics;
import com.kefu.platform.test.PersonalDataSweepTest;
import com.kefu.platform.test.Topics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static com.kefu.broadcast.Calls.BROADCASTER;
import static com.kefu.broadcast.Calls.SUPERVISOR;
import static com.kefu.platform.test.PersonalDataSweep.distinct;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * S5 over the whole of broadcast-service, which keeps no personal data (PD1): scripts are written by staff and
 * approved, the emergency templates are approved texts that name no one (a lost child's announcement asks for the
 * child to be brought to the service centre, not by name), and of a fire reported on dutylog.events it keeps what
 * burns and where, not who reported it. The person who reported a fire (a customer who called it in, with a
 * distinctive name) is read by every GET endpoint as every role with the id of every kind of record (a script, a
 * piece of equipment, an emergency, a programme, the day) in every path: never, not even masked; never on
 * broadcast.events or in the logs (at DEBUG); and no endpoint serves two kinds of record.
 */
class S5PersonalDataSweepTest extends PersonalDataSweepTest {

    @Test
    @DisplayName("S5 PD1 PD3 every GET of broadcast-service as every role with every kind of record's id: the caller who "
            + "reported a fire nowhere, each endpoint serves its own kind of record only; never on broadcast.events "
            + "or in a log line")
    void noPersonalDataAnywhere() {
        String caller = distinct("顾客 欧阳娜娜");
        String incident = "i-" + UUID.randomUUID();
        Instant at = clock.instant();
        Topics.publish(DutylogTopics.EVENTS, incident, """
                {"id":"%s","type":"IncidentReported","version":1,"aggregateId":"%s","sequence":0,
                 "occurredAt":"%s","actor":"desk","department":null,
                 "data":{"incidentId":"%s","shiftId":"shift-1","category":"FIRE","major":true,"reporter":"%s",
                         "location":"二楼 A-201","description":"%s 打电话说 A-201 冒烟",
                         "fire":{"fireLocation":"A-201 仓库","burning":"纸箱","flame":false,"smoke":true},
                         "occurredAt":"%s","reportedBy":"desk","reportedAt":"%s"}}"""
                .formatted(UUID.randomUUID(), incident, at, incident, caller, caller, at, at)
                .getBytes(StandardCharsets.UTF_8));

        Calls calls = new Calls(api());
        String programme = "PROMO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String script = calls.approved(Scripts.of(programme, "S5"), null);
        calls.expect(201, BROADCASTER, "/api/airings", Map.of("scriptId", script, "language", "zh"));
        String tomorrow = today().plusDays(1).toString();
        post(BROADCASTER, "/api/plans/" + tomorrow + "/slots", Map.of("time", "10:00", "programme", programme,
                "scriptId", script));
        post(SUPERVISOR, "/api/programmes/" + programme + "/reviews", Map.of("verdict", "SOUND", "note", "好",
                "scriptId", script, "scriptVersion", 1));
        String equipment = post(BROADCASTER, "/api/equipment", Map.of("name", "调音台 Mixer", "location", "广播站"));
        String lostChild = post(BROADCASTER, "/api/emergencies", Map.of("template", "LOST_CHILD",
                "cause", "穿红衣服的男孩 boy in red, 5 years old"));
        String fire = "emergency-" + incident;
        calls.await("/api/airings?date=" + today(), log -> log.toString().contains(incident));

        int requests = sweep()
                .never(caller)
                .record("Script", script).record("Equipment", equipment)
                .record("Emergency", lostChild).record("Emergency", fire)
                .pathValues(programme, today().toString(), tomorrow)
                .topic(BroadcastTopics.EVENTS, fire, script)
                .assertEverywhere();
        assertThat(requests).isGreaterThan(100);
    }
}
