package com.kefu.broadcast.query;

import com.kefu.broadcast.event.SlotPlannedEvent;
import com.kefu.broadcast.event.SlotRemovedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;

/** The slots of each day's plan (B1). */
@Component
@ProcessingGroup(Views.PROCESSING_GROUP)
class PlanProjection {

    private final JdbcTemplate jdbc;

    PlanProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SlotPlannedEvent event) {
        jdbc.update("""
                insert into plan_slot (slot_id, plan_date, slot_time, programme, script_id, equipment_id, planned_by,
                                       planned_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (slot_id) do nothing""",
                event.slotId(), Date.valueOf(event.date()), Time.valueOf(event.time()), event.programme(),
                event.scriptId(), event.equipmentId(), event.plannedBy(), Timestamp.from(event.plannedAt()));
    }

    @EventHandler
    void on(SlotRemovedEvent event) {
        jdbc.update("delete from plan_slot where slot_id = ?", event.slotId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from plan_slot");
    }
}
