package com.kefu.broadcast.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * The slots of every day (B1: the opening and closing announcements), kept as data: the broadcaster sets their
 * time and script, and each day's plan shows them beside its own slots, flagged like them.
 */
@Component
public class RecurringSlots {

    public record RecurringSlot(String id, LocalTime time, String programme, String scriptId, String equipmentId,
                                String updatedBy, Instant updatedAt) {
    }

    private static final RowMapper<RecurringSlot> SLOT = (rs, row) -> new RecurringSlot(
            rs.getString("id"),
            rs.getTime("slot_time").toLocalTime(),
            rs.getString("programme"),
            rs.getString("script_id"),
            rs.getString("equipment_id"),
            rs.getString("updated_by"),
            ScriptQueries.instant(rs, "updated_at"));

    private final JdbcTemplate jdbc;

    RecurringSlots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<RecurringSlot> list() {
        return jdbc.query("select * from recurring_slot order by slot_time, id", SLOT);
    }

    public RecurringSlot put(RecurringSlot slot) {
        jdbc.update("""
                insert into recurring_slot (id, slot_time, programme, script_id, equipment_id, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set slot_time = excluded.slot_time, programme = excluded.programme,
                    script_id = excluded.script_id, equipment_id = excluded.equipment_id,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at""",
                slot.id(), Time.valueOf(slot.time()), slot.programme(), slot.scriptId(), slot.equipmentId(),
                slot.updatedBy(), Timestamp.from(slot.updatedAt()));
        return slot;
    }
}
