package com.kefu.dutylog.query;

import com.kefu.dutylog.api.EntryRecordedEvent;
import com.kefu.dutylog.api.ShiftOpenedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;

/**
 * Shifts and their entries. Subscribing (same transaction as the events): which shift is open decides where
 * a complaint call goes, so this view must never lag behind the event store.
 */
@Component
@ProcessingGroup(ShiftProjection.PROCESSING_GROUP)
class ShiftProjection {

    static final String PROCESSING_GROUP = "shift-view";

    private final JdbcTemplate jdbc;

    ShiftProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ShiftOpenedEvent event) {
        jdbc.update("""
                insert into shift_view (id, post, shift_date, opened_by, opened_at, open)
                values (?, ?, ?, ?, ?, true) on conflict (id) do nothing""",
                event.shiftId(), event.post(), Date.valueOf(event.date()), event.openedBy(),
                Timestamp.from(event.openedAt()));
    }

    @EventHandler
    void on(EntryRecordedEvent event) {
        jdbc.update("""
                insert into shift_entry_view (id, shift_id, occurred_at, category, description, handling, outcome,
                    reference, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""",
                event.entryId(), event.shiftId(), Timestamp.from(event.occurredAt()), event.category().name(),
                event.description(), event.handling(), event.outcome(), event.reference(), event.recordedBy(),
                Timestamp.from(event.recordedAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from shift_entry_view");
        jdbc.update("delete from shift_view");
    }
}
