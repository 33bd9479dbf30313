package com.kefu.dutylog.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.dutylog.api.EntryCorrectedEvent;
import com.kefu.dutylog.api.EntryRecordedEvent;
import com.kefu.dutylog.api.MattersCarriedOverEvent;
import com.kefu.dutylog.api.ShiftHandedOverEvent;
import com.kefu.dutylog.api.ShiftOpenedEvent;
import com.kefu.dutylog.event.HandoverAcceptedEvent;
import com.kefu.dutylog.event.HandoverDeclinedEvent;
import com.kefu.dutylog.event.HandoverProposedEvent;
import com.kefu.platform.time.MallTime;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Shifts and their entries. Subscribing (same transaction as the events): which shift is open decides where
 * a complaint call goes, and the day of an entry whether the day's seal refuses a write, so this view must never
 * lag behind the event store.
 */
@Component
@ProcessingGroup(ShiftProjection.PROCESSING_GROUP)
class ShiftProjection {

    static final String PROCESSING_GROUP = "shift-view";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final MallTime mallTime;

    ShiftProjection(JdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper json,
                    MallTime mallTime) {
        this.jdbc = jdbc;
        this.json = json;
        this.mallTime = mallTime;
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
    void on(MattersCarriedOverEvent event) {
        jdbc.update("update shift_view set from_shift_id = ?, carried_over = ?::jsonb where id = ?",
                event.fromShiftId(), write(event), event.shiftId());
    }

    @EventHandler
    void on(EntryRecordedEvent event) {
        insertEntry(event.entryId(), event.shiftId(), event.occurredAt(), event.category().name(),
                event.description(), event.handling(), event.outcome(), event.reference(), null, event.recordedBy(),
                event.recordedAt());
    }

    @EventHandler
    void on(EntryCorrectedEvent event) {
        insertEntry(event.entryId(), event.shiftId(), event.occurredAt(), event.category().name(),
                event.description(), event.handling(), event.outcome(), null, event.correctsEntryId(),
                event.recordedBy(), event.recordedAt());
    }

    @EventHandler
    void on(HandoverProposedEvent event) {
        jdbc.update("update shift_view set handover_proposal = ?::jsonb where id = ?", write(event), event.shiftId());
    }

    @EventHandler
    void on(HandoverDeclinedEvent event) {
        jdbc.update("""
                update shift_view set handover_proposal = null,
                    handover_refusals = handover_refusals || jsonb_build_array(?::jsonb)
                where id = ?""", write(event), event.shiftId());
    }

    @EventHandler
    void on(HandoverAcceptedEvent event) {
        jdbc.update("update shift_view set handover_acceptance = ?::jsonb where id = ?", write(event),
                event.shiftId());
    }

    @EventHandler
    void on(ShiftHandedOverEvent event) {
        jdbc.update("update shift_view set open = false, handover = ?::jsonb, handed_over_at = ? where id = ?",
                write(event), Timestamp.from(event.handedOverAt()), event.shiftId());
    }

    private void insertEntry(String id, String shiftId, Instant occurredAt, String category, String description,
                             String handling, String outcome, String reference, String corrects, String recordedBy,
                             Instant recordedAt) {
        LocalDate day = mallTime.dayOf(occurredAt);
        jdbc.update("""
                insert into shift_entry_view (id, shift_id, occurred_at, category, description, handling, outcome,
                    reference, corrects, duty_day, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""",
                id, shiftId, Timestamp.from(occurredAt), category, description, handling, outcome, reference,
                corrects, Date.valueOf(day), recordedBy, Timestamp.from(recordedAt));
    }

    private String write(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from shift_entry_view");
        jdbc.update("delete from shift_view");
    }
}
