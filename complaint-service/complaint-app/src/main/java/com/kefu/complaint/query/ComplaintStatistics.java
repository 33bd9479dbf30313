package com.kefu.complaint.query;

import com.kefu.complaint.api.ComplaintArchivedEvent;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintDeadlineMissedEvent;
import com.kefu.complaint.api.ComplaintEscalatedEvent;
import com.kefu.complaint.api.ComplaintFollowedUpEvent;
import com.kefu.complaint.api.ComplaintReopenedEvent;
import com.kefu.complaint.api.ComplaintResolvedEvent;
import com.kefu.complaint.api.ImprovementProposalRecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The figures behind the statistics (C11): per complaint its dimensions and current stage, and for every stage it
 * left how long it stayed there, measured between the events' own instants. The per-complaint figures are columns of
 * the complaint's own row ({@code complaint_view}, read as {@code complaint_statistic}; the view's insert writes the
 * first stage), kept by the view's processor in the command's own transaction: a registration writes one row, not
 * one per read model. Resetting the view rebuilds them with it ({@link ComplaintReports} reads them). Every write is
 * guarded by the event's sequence number, so a batch handled twice counts once.
 */
@Component
@ProcessingGroup("complaint-view")
class ComplaintStatistics {

    static final String PROCESSING_GROUP = "complaint-statistics";

    private final JdbcTemplate jdbc;

    ComplaintStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ComplaintEscalatedEvent event, @SequenceNumber long sequence) {
        move(event.complaintId(), sequence, "ESCALATED", event.escalatedAt());
    }

    @EventHandler
    void on(ComplaintAssignedEvent event, @SequenceNumber long sequence) {
        // the department is the view's own column, set by its handler of the same event
        move(event.complaintId(), sequence, "ASSIGNED", event.assignedAt());
    }

    @EventHandler
    void on(ComplaintResolvedEvent event, @SequenceNumber long sequence) {
        move(event.complaintId(), sequence, "RESOLVED", event.resolvedAt());
    }

    @EventHandler
    void on(ComplaintFollowedUpEvent event, @SequenceNumber long sequence) {
        jdbc.update("""
                update complaint_view set reached_calls = reached_calls + case when ? then 1 else 0 end,
                    satisfied = case when ? then ? else satisfied end
                where id = ? and statistic_sequence < ?""",
                event.reached(), event.reached(), event.satisfied(), event.complaintId(), sequence);
        // the calls and the score are the view's own columns (follow_up_calls, satisfaction), counted by its handler
        if (event.satisfied()) {
            move(event.complaintId(), sequence, "FOLLOWED_UP", event.calledAt());
        } else {
            touch(event.complaintId(), sequence);
        }
    }

    @EventHandler
    void on(ComplaintReopenedEvent event, @SequenceNumber long sequence) {
        jdbc.update("update complaint_view set reopened = reopened + 1 where id = ? and statistic_sequence < ?",
                event.complaintId(), sequence);
        move(event.complaintId(), sequence, "ASSIGNED", event.reopenedAt());
    }

    @EventHandler
    void on(ComplaintArchivedEvent event, @SequenceNumber long sequence) {
        move(event.complaintId(), sequence, "ARCHIVED", event.archivedAt());
    }

    @EventHandler
    void on(ComplaintDeadlineMissedEvent event, @SequenceNumber long sequence) {
        jdbc.update("""
                insert into complaint_missed_statistic (complaint_id, sequence, stage, priority, department, missed_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.complaintId(), sequence, event.stage(), event.priority().name(), event.department(),
                Timestamp.from(event.missedAt()));
    }

    @EventHandler
    void on(ImprovementProposalRecordedEvent event) {
        jdbc.update("""
                insert into improvement_proposal (id, period, first_day, last_day, title, proposal, recorded_by,
                    recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""",
                event.proposalId(), event.period(), Date.valueOf(event.from()), Date.valueOf(event.to()),
                event.title(), event.proposal(), event.recordedBy(), Timestamp.from(event.recordedAt()));
    }

    /** Leaves the current stage for {@code stage}: the time spent is kept, unless it stays where it is. */
    private void move(String complaintId, long sequence, String stage, Instant at) {
        Timestamp when = Timestamp.from(at);
        jdbc.update("""
                insert into complaint_stage_time (complaint_id, sequence, stage, millis)
                select id, ?, statistic_status, (extract(epoch from (?::timestamptz - status_since)) * 1000)::bigint
                from complaint_view where id = ? and statistic_sequence < ? and statistic_status <> ?
                on conflict do nothing""",
                sequence, when, complaintId, sequence, stage);
        jdbc.update("""
                update complaint_view set status_since = case when statistic_status = ? then status_since else ? end,
                    statistic_status = ?, statistic_sequence = ?
                where id = ? and statistic_sequence < ?""",
                stage, when, stage, sequence, complaintId, sequence);
    }

    private void touch(String complaintId, long sequence) {
        jdbc.update("update complaint_view set statistic_sequence = ? where id = ? and statistic_sequence < ?",
                sequence, complaintId, sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from complaint_stage_time");
        jdbc.update("delete from complaint_missed_statistic");
        jdbc.update("delete from improvement_proposal");
        // the per-complaint figures go with the view's rows
    }
}
