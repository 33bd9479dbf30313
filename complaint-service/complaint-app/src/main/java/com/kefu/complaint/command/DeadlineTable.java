package com.kefu.complaint.command;

import com.kefu.complaint.api.ComplaintDeadlineApproachingEvent;
import com.kefu.complaint.api.ComplaintDeadlineMissedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * The deadline of each complaint's current stage (C10), kept in columns of the complaint's own row
 * ({@code complaint_view}, read as {@code complaint_deadline}) by the view's processor, in the command's own
 * transaction. Entering a stage and leaving the workflow are written with the view's own columns, one statement per
 * event (the query side's {@code StageMove}); here are the watch's own events: the warning given (C17) and the
 * deadline missed, which {@link DeadlineWatch} looks for. Writes are idempotent.
 */
@Component
@ProcessingGroup("complaint-view")
class DeadlineTable {

    private final JdbcTemplate jdbc;

    DeadlineTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

}
