package com.kefu.dutylog.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.dutylog.api.AddendumEntryRecordedEvent;
import com.kefu.dutylog.api.AddendumSignedEvent;
import com.kefu.dutylog.api.DutyDaySignedEvent;
import com.kefu.dutylog.api.IncidentNoticeAcknowledgedEvent;
import com.kefu.dutylog.api.IncidentNoticeSentEvent;
import com.kefu.dutylog.api.IncidentReportedEvent;
import com.kefu.dutylog.api.IncidentResolvedEvent;
import com.kefu.dutylog.api.FireChecklistOpenedEvent;
import com.kefu.dutylog.api.FireStep;
import com.kefu.dutylog.api.FireStepDoneEvent;
import com.kefu.dutylog.api.FireStepNotNeededEvent;
import com.kefu.dutylog.event.LostItemDisposedEvent;
import com.kefu.dutylog.event.LostItemRegisteredEvent;
import com.kefu.dutylog.event.LostItemReturnedEvent;
import com.kefu.platform.search.SearchIndex;
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
import java.util.Arrays;

/**
 * Incidents with a fire's checklist (D13) and the notices of those the managers are told of at once (D14), the manager's signatures, the addenda of signed days (D12) and lost
 * items. Subscribing, like the shift view: a handover must see an incident reported a moment ago (D7), and a write
 * the signature that sealed its day (D5). The lost items' rows in the search index ({@link SearchIndex}: by description
 * and where found) are kept with them.
 */
@Component
@ProcessingGroup(DutyRecordsProjection.PROCESSING_GROUP)
class DutyRecordsProjection {

    static final String PROCESSING_GROUP = "duty-records";
    /** The kind of record in the search index ({@code GET /api/search?kind=lost-item}). */
    public static final String LOST_ITEM = "lost-item";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final MallTime mallTime;
    private final SearchIndex search;

    DutyRecordsProjection(JdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper json,
                          MallTime mallTime, SearchIndex search) {
        this.jdbc = jdbc;
        this.json = json;
        this.mallTime = mallTime;
        this.search = search;
    }

    @EventHandler
    void on(IncidentReportedEvent event) {
        jdbc.update("""
                insert into incident_view (id, shift_id, category, major, reporter, location, description, fire,
                    occurred_at, duty_day, reported_by, reported_at)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) on conflict (id) do nothing""",
                event.incidentId(), event.shiftId(), event.category().name(), event.major(), event.reporter(),
                event.location(), event.description(), event.fire() == null ? null : write(event.fire()),
                Timestamp.from(event.occurredAt()),
                Date.valueOf(mallTime.dayOf(event.occurredAt())), event.reportedBy(),
                Timestamp.from(event.reportedAt()));
    }

    @EventHandler
    void on(IncidentNoticeSentEvent event) {
        jdbc.update("update incident_view set kind = ? where id = ?", event.kind().name(), event.incidentId());
        for (String role : event.roles()) {
            jdbc.update("""
                    insert into incident_notice_view (incident_id, role, sent_at) values (?, ?, ?)
                    on conflict do nothing""", event.incidentId(), role, Timestamp.from(event.sentAt()));
        }
    }

    @EventHandler
    void on(IncidentNoticeAcknowledgedEvent event) {
        jdbc.update("""
                update incident_notice_view set acknowledged_by = ?, acknowledged_at = ?
                where incident_id = ? and role = ?""",
                event.acknowledgedBy(), Timestamp.from(event.acknowledgedAt()), event.incidentId(), event.role());
    }

    @EventHandler
    void on(FireChecklistOpenedEvent event) {
        jdbc.update("update incident_view set heading = ? where id = ?", event.heading(), event.incidentId());
        for (FireStep step : FireStep.values()) {
            jdbc.update("""
                    insert into fire_step_view (incident_id, step, status) values (?, ?, 'OPEN')
                    on conflict do nothing""", event.incidentId(), step.name());
        }
    }

    @EventHandler
    void on(FireStepDoneEvent event) {
        jdbc.update("""
                update fire_step_view set status = 'DONE', note = ?, done_by = ?, done_at = ?
                where incident_id = ? and step = ?""",
                event.note(), event.doneBy(), Timestamp.from(event.doneAt()), event.incidentId(), event.step().name());
    }

    @EventHandler
    void on(FireStepNotNeededEvent event) {
        jdbc.update("""
                update fire_step_view set status = 'NOT_NEEDED', reason = ?, done_by = ?, done_at = ?
                where incident_id = ? and step = ?""",
                event.reason(), event.markedBy(), Timestamp.from(event.markedAt()), event.incidentId(),
                event.step().name());
    }

    @EventHandler
    void on(IncidentResolvedEvent event) {
        jdbc.update("update incident_view set outcome = ?, resolved_by = ?, resolved_at = ? where id = ?",
                event.outcome(), event.resolvedBy(), Timestamp.from(event.resolvedAt()), event.incidentId());
    }

    @EventHandler
    void on(DutyDaySignedEvent event) {
        jdbc.update("""
                insert into duty_day_signature (duty_day, digest, entries, signed_by, signed_at)
                values (?, ?, ?, ?, ?) on conflict (duty_day) do nothing""",
                Date.valueOf(event.date()), event.digest(), event.entries(), event.signedBy(),
                Timestamp.from(event.signedAt()));
    }

    @EventHandler
    void on(AddendumEntryRecordedEvent event) {
        jdbc.update("""
                insert into duty_day_addendum_entry (id, duty_day, addendum, shift_id, occurred_at, category,
                    description, handling, outcome, reference, corrects, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""",
                event.entryId(), Date.valueOf(event.date()), event.addendum(), event.shiftId(),
                Timestamp.from(event.occurredAt()), event.category().name(), event.description(), event.handling(),
                event.outcome(), event.reference(), event.corrects(), event.recordedBy(),
                Timestamp.from(event.recordedAt()));
    }

    @EventHandler
    void on(AddendumSignedEvent event) {
        jdbc.update("""
                insert into duty_day_addendum_signature (duty_day, addendum, digest, previous_digest, entries,
                    signed_by, signed_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (duty_day, addendum) do nothing""",
                Date.valueOf(event.date()), event.addendum(), event.digest(), event.previousDigest(),
                event.entries(), event.signedBy(), Timestamp.from(event.signedAt()));
    }

    @EventHandler
    void on(LostItemRegisteredEvent event) {
        jdbc.update("""
                insert into lost_item_view (id, description, found_by, found_at, found_where, handed_to, stored_at,
                    custody, registered_at)
                values (?, ?, ?, ?, ?, ?, ?, 'STORED', ?) on conflict (id) do nothing""",
                event.itemId(), event.description(), event.foundBy(), Timestamp.from(event.foundAt()),
                event.foundWhere(), event.handedTo(), event.storedAt(), Timestamp.from(event.registeredAt()));
        search.put(new SearchIndex.Entry(LOST_ITEM, event.itemId(), null, event.description(), null, null,
                event.foundAt(), Arrays.asList(event.description(), event.foundWhere())));
    }

    @EventHandler
    void on(LostItemReturnedEvent event) {
        jdbc.update("update lost_item_view set custody = 'RETURNED', closed_at = ? where id = ?",
                Timestamp.from(event.returnedAt()), event.itemId());
    }

    @EventHandler
    void on(LostItemDisposedEvent event) {
        jdbc.update("update lost_item_view set custody = 'DISPOSED', closed_at = ? where id = ?",
                Timestamp.from(event.disposedAt()), event.itemId());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from incident_view");
        jdbc.update("delete from fire_step_view");
        jdbc.update("delete from incident_notice_view");
        jdbc.update("delete from duty_day_signature");
        jdbc.update("delete from duty_day_addendum_entry");
        jdbc.update("delete from duty_day_addendum_signature");
        jdbc.update("delete from lost_item_view");
        search.reset(LOST_ITEM);
    }
}
