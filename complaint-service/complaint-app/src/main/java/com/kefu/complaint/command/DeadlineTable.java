package com.kefu.complaint.command;

import com.kefu.complaint.api.ComplaintArchivedEvent;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintDeadlineApproachingEvent;
import com.kefu.complaint.api.ComplaintDeadlineMissedEvent;
import com.kefu.complaint.api.ComplaintEscalatedEvent;
import com.kefu.complaint.api.ComplaintFollowedUpEvent;
import com.kefu.complaint.api.ComplaintReopenedEvent;
import com.kefu.complaint.api.ComplaintResolvedEvent;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.config.DeadlineProperties;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The deadline of each complaint's current stage (C10), kept from the events in columns of the complaint's own row
 * ({@code complaint_view}, read as {@code complaint_deadline}) by the view's processor, in the command's own
 * transaction: registration writes the first stage with the row (the view's insert), entering a later stage sets its
 * due time from {@link DeadlineProperties} and when four fifths of it have gone (the warning, C17); leaving the
 * workflow (archive) removes it. Writes are idempotent.
 */
@Component
@ProcessingGroup("complaint-view")
class DeadlineTable {

    private final JdbcTemplate jdbc;
    private final DeadlineProperties deadlines;

    DeadlineTable(JdbcTemplate jdbc, DeadlineProperties deadlines) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(ComplaintEscalatedEvent event) {
        Instant at = event.escalatedAt();
        enter(event.complaintId(), "ESCALATED", null, at);
    }

    @EventHandler
    void on(ComplaintAssignedEvent event) {
        Instant at = event.assignedAt();
        enter(event.complaintId(), "ASSIGNED", event.department(), at);
    }

    @EventHandler
    void on(ComplaintReopenedEvent event) {
        Instant at = event.reopenedAt();
        enter(event.complaintId(), "ASSIGNED", event.department(), at);
    }

    @EventHandler
    void on(ComplaintResolvedEvent event) {
        Instant at = event.resolvedAt();
        enter(event.complaintId(), "RESOLVED", event.department(), at);
    }

    @EventHandler
    void on(ComplaintFollowedUpEvent event) {
        Instant at = event.calledAt();
        if (event.satisfied()) {
            enter(event.complaintId(), "FOLLOWED_UP", null, at);
        }
    }

    @EventHandler
    void on(ComplaintArchivedEvent event) {
        jdbc.update("""
                update complaint_view set deadline_stage = null, deadline_department = null, deadline_entered_at = null,
                    deadline_due_at = null, deadline_missed_at = null, deadline_warn_at = null,
                    deadline_warned_at = null
                where id = ?""", event.complaintId());
    }

    @EventHandler
    void on(ComplaintDeadlineApproachingEvent event) {
        jdbc.update("""
                update complaint_view set deadline_warned_at = ?
                where id = ? and deadline_stage = ? and deadline_entered_at = ?""",
                Timestamp.from(event.warnedAt()), event.complaintId(), event.stage(),
                Timestamp.from(event.enteredAt()));
    }

    @EventHandler
    void on(ComplaintDeadlineMissedEvent event) {
        jdbc.update("update complaint_view set deadline_missed_at = ? where id = ? and deadline_stage = ? and deadline_due_at = ?",
                Timestamp.from(event.missedAt()), event.complaintId(), event.stage(), Timestamp.from(event.dueAt()));
        jdbc.update("""
                insert into missed_deadline (complaint_id, number, priority, stage, department, due_at, missed_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.complaintId(), event.number(), event.priority().name(), event.stage(), event.department(),
                Timestamp.from(event.dueAt()), Timestamp.from(event.missedAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from missed_deadline"); // the rows' deadlines go with the view's rows
    }

    /** Enters {@code stage} unless the complaint has left the workflow or an event after this one was kept. */
    private void enter(String complaintId, String stage, String department, Instant at) {
        jdbc.query("select priority from complaint_view where id = ? and deadline_stage is not null",
                rs -> {
                    Instant due = deadlines.due(Priority.valueOf(rs.getString("priority")), stage, at);
                    jdbc.update("""
                            update complaint_view set deadline_stage = ?,
                                deadline_department = coalesce(?, deadline_department), deadline_entered_at = ?,
                                deadline_due_at = ?, deadline_missed_at = null, deadline_warn_at = ?,
                                deadline_warned_at = null
                            where id = ? and deadline_entered_at <= ?""",
                            stage, department, Timestamp.from(at), Timestamp.from(due),
                            Timestamp.from(DeadlineProperties.warningAt(at, due)), complaintId, Timestamp.from(at));
                }, complaintId);
    }
}
