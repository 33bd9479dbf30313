package com.kefu.broadcast.web;

import com.kefu.broadcast.Calls;
import com.kefu.broadcast.Scripts;
import com.kefu.broadcast.command.PlanCommands;
import com.kefu.broadcast.event.SlotPlannedEvent;
import com.kefu.broadcast.event.SlotRemovedEvent;
import com.kefu.platform.axon.SnapshotProperties;
import com.kefu.platform.test.EventReads;
import com.kefu.platform.test.LongHistory;
import com.kefu.platform.test.ServiceTest;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.kefu.broadcast.Calls.BROADCASTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A day's plan with 10,000 events, slots planned and removed (issue 13: the cost of a command grew with the
 * history): a slot planned on it reads from the store what one on a new plan reads, a snapshot and at most a
 * threshold of events. Counted, never timed; against real PostgreSQL and Kafka.
 */
@Import(EventReads.class)
class LongPlanTest extends ServiceTest {

    private static final int EVENTS = 10_000;

    @Autowired
    EventStore store;

    @Autowired
    EventReads reads;

    @Autowired
    SnapshotProperties snapshots;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("B1 a slot on a plan of 10,000 events reads a snapshot and at most a threshold of events; the slots "
            + "hold across the snapshot")
    void longPlan() {
        Calls calls = new Calls(api());
        String script = calls.approved(Scripts.opening("long-plan"), null);
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);
        String plan = PlanCommands.planId(day);
        List<Object> history = new ArrayList<>();
        for (int i = 0; i < EVENTS / 2; i++) {
            String slot = "seeded-" + i;
            history.add(new SlotPlannedEvent(plan, day, slot, LocalTime.of(9, 0), "OPENING", script, null,
                    "broadcaster", Instant.now()));
            history.add(new SlotRemovedEvent(plan, day, slot, "broadcaster", Instant.now()));
        }
        history.add(new SlotPlannedEvent(plan, day, "kept", LocalTime.of(8, 0), "OPENING", script, null,
                "broadcaster", Instant.now()));
        LongHistory.append(store, "BroadcastPlan", plan, "broadcaster", history);

        String slots = "/api/plans/" + day + "/slots";
        calls.expect(201, BROADCASTER, slots, slot("09:00", script)); // each seeded 09:00 slot was removed
        assertThat(jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                Integer.class, plan)).as("the first command on the long history took a snapshot").isPositive();

        for (int i = 0; i < snapshots.threshold() + 2; i++) {
            String time = LocalTime.of(10, 0).plusMinutes(i).toString();
            EventReads.Reads onLong = reads.during(plan,
                    () -> calls.expect(201, BROADCASTER, slots, slot(time, script)));
            assertThat(onLong.snapshots()).isBetween(1L, 2L);
            assertThat(onLong.events()).isLessThanOrEqualTo(2L * (snapshots.threshold() + 1));
        }
        Calls.assertProblem(calls.post(BROADCASTER, slots, slot("08:00", script)), 409, "08:00");
        Calls.assertProblem(calls.post(BROADCASTER, slots, slot("10:00", script)), 409, "10:00");

        LocalDate otherDay = day.plusDays(1);
        EventReads.Reads onNew = reads.during(PlanCommands.planId(otherDay),
                () -> calls.expect(201, BROADCASTER, "/api/plans/" + otherDay + "/slots", slot("10:00", script)));
        assertThat(onNew.events()).isLessThanOrEqualTo(snapshots.threshold());
    }

    private static Map<String, Object> slot(String time, String script) {
        return Map.of("time", time, "programme", "OPENING", "scriptId", script);
    }
}
