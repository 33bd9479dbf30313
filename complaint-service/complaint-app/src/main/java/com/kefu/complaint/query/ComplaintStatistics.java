package com.kefu.complaint.query;

import com.kefu.complaint.api.ComplaintArchivedEvent;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintDeadlineMissedEvent;
import com.kefu.complaint.api.ComplaintEscalatedEvent;
import com.kefu.complaint.api.ComplaintFollowedUpEvent;
import com.kefu.complaint.api.ComplaintReceivedEvent;
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
 * left how long it stayed there, measured between the events' own instants. A processing group of its own, so
 * that it can be reset and rebuilt from the event store alone ({@link ComplaintReports} reads it). Every write is
 * guarded by the event's sequence number, so a batch handled twice counts once.
 */
@Component
@ProcessingGroup(ComplaintStatistics.PROCESSING_GROUP)
class ComplaintStatistics {

    static final String PROCESSING_GROUP = "complaint-statistics";

    private final JdbcTemplate jdbc;

    ComplaintStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ComplaintReceivedEvent event, @SequenceNumber long sequence) {
        Timestamp at = Timestamp.from(event.receivedAt());
        jdbc.update("""
                insert into complaint_statistic (complaint_id, received_at, channel, category, severity, priority,
                    status, status_since, last_sequence)
                values (?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?)
                on conflict (complaint_id) do nothing""",
                event.complaintId(), at, event.channel().name(), event.category().name(), event.severity().name(),
                event.priority().name(), at, sequence);
    }

    @EventHandler
    void on(ComplaintEscalatedEvent event, @SequenceNumber long sequence) {
        move(event.complaintId(), sequence, "ESCALATED", event.escalatedAt());
    }

    @EventHandler
    void on(ComplaintAssignedEvent event, @SequenceNumber long sequence) {
        jdbc.update("update complaint_statistic set department = ? where complaint_id = ? and last_sequence < ?",
                event.department(), event.complaintId(), sequence);
        move(event.complaintId(), sequence, "ASSIGNED", event.assignedAt());
    }

    @EventHandler
    void on(ComplaintResolvedEvent event, @SequenceNumber long sequence) {
        move(event.complaintId(), sequence, "RESOLVED", event.resolvedAt());
    }

    @EventHandler
    void on(ComplaintFollowedUpEvent event, @SequenceNumber long sequence) {
        jdbc.update("""
                update complaint_statistic set follow_up_calls = follow_up_calls + 1,
                    reached_calls = reached_calls + case when ? then 1 else 0 end,
                    satisfaction = coalesce(?, satisfaction),
                    satisfied = case when ? then ? else satisfied end
                where complaint_id = ? and last_sequence < ?""",
                event.reached(), event.satisfaction(), event.reached(), event.satisfied(), event.complaintId(),
                sequence);
        if (event.satisfied()) {
            move(event.complaintId(), sequence, "FOLLOWED_UP", event.calledAt());
        } else {
            touch(event.complaintId(), sequence);
        }
    }

    @EventHandler
    void on(ComplaintReopenedEvent event, @SequenceNumber long sequence) {
        jdbc.update("update complaint_statistic set reopened = reopened + 1 where complaint_id = ? and last_sequence < ?",
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
                select complaint_id, ?, status, (extract(epoch from (?::timestamptz - status_since)) * 1000)::bigint
                from complaint_statistic where complaint_id = ? and last_sequence < ? and status <> ?
                on conflict do nothing""",
                sequence, when, complaintId, sequence, stage);
        jdbc.update("""
                update complaint_statistic set status_since = case when status = ? then status_since else ? end,
                    status = ?, last_sequence = ?
                where complaint_id = ? and last_sequence < ?""",
                stage, when, stage, sequence, complaintId, sequence);
    }

    private void touch(String complaintId, long sequence) {
        jdbc.update("update complaint_statistic set last_sequence = ? where complaint_id = ? and last_sequence < ?",
                sequence, complaintId, sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from complaint_stage_time");
        jdbc.update("delete from complaint_missed_statistic");
        jdbc.update("delete from improvement_proposal");
        jdbc.update("delete from complaint_statistic");
    }
}
