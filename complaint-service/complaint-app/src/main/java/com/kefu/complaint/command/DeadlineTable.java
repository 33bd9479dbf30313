package com.kefu.complaint.command;

import com.kefu.complaint.api.ComplaintArchivedEvent;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintDeadlineMissedEvent;
import com.kefu.complaint.api.ComplaintEscalatedEvent;
import com.kefu.complaint.api.ComplaintFollowedUpEvent;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.ComplaintReopenedEvent;
import com.kefu.complaint.api.ComplaintResolvedEvent;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.config.DeadlineProperties;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The deadline of each complaint's current stage (C10), kept from the events: entering a stage sets its due
 * time from {@link DeadlineProperties}; leaving the workflow (archive) removes it. Writes are idempotent.
 */
@Component
@ProcessingGroup(DeadlineTable.PROCESSING_GROUP)
class DeadlineTable {

    static final String PROCESSING_GROUP = "complaint-deadlines";

    private final JdbcTemplate jdbc;
    private final DeadlineProperties deadlines;

    DeadlineTable(JdbcTemplate jdbc, DeadlineProperties deadlines) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(ComplaintReceivedEvent event) {
        Instant at = event.receivedAt();
        enter(event.complaintId(), event.number(), event.priority(), "RECEIVED", null, at);
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
        jdbc.update("delete from complaint_deadline where complaint_id = ?", event.complaintId());
    }

    @EventHandler
    void on(ComplaintDeadlineMissedEvent event) {
        jdbc.update("update complaint_deadline set missed_at = ? where complaint_id = ? and stage = ? and due_at = ?",
                java.sql.Timestamp.from(event.missedAt()), event.complaintId(), event.stage(), java.sql.Timestamp.from(event.dueAt()));
        jdbc.update("""
                insert into missed_deadline (complaint_id, number, priority, stage, department, due_at, missed_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.complaintId(), event.number(), event.priority().name(), event.stage(), event.department(),
                java.sql.Timestamp.from(event.dueAt()), java.sql.Timestamp.from(event.missedAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from complaint_deadline");
        jdbc.update("delete from missed_deadline");
    }

    private void enter(String complaintId, String stage, String department, Instant at) {
        jdbc.query("select number, priority, department from complaint_deadline where complaint_id = ?",
                rs -> {
                    enter(complaintId, rs.getString("number"), Priority.valueOf(rs.getString("priority")), stage,
                            department != null ? department : rs.getString("department"), at);
                }, complaintId);
    }

    private void enter(String complaintId, String number, Priority priority, String stage, String department,
                       Instant at) {
        Optional<Duration> limit = deadlines.limit(priority, stage);
        // a stage without a deadline still keeps the row, far in the future, so the next stage finds the number
        Instant due = limit.map(at::plus).orElse(at.plus(Duration.ofDays(36_500)));
        jdbc.update("""
                insert into complaint_deadline (complaint_id, number, priority, stage, department, entered_at, due_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (complaint_id) do update set stage = excluded.stage, department = excluded.department,
                    entered_at = excluded.entered_at, due_at = excluded.due_at, missed_at = null
                where complaint_deadline.entered_at <= excluded.entered_at""",
                complaintId, number, priority.name(), stage, department, java.sql.Timestamp.from(at), java.sql.Timestamp.from(due));
    }
}
