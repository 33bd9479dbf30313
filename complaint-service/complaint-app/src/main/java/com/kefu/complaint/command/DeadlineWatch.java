package com.kefu.complaint.command;

import com.kefu.complaint.command.WorkflowCommands.RecordDeadlineMissedCommand;
import com.kefu.platform.axon.Commands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Looks for stages past their deadline and has each complaint record it (C10). It holds no timers: every check
 * reads {@code complaint_deadline}, so nothing is lost in a restart, and several instances may check at once
 * (the complaint records a missed stage once).
 */
@Component
public class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    static final String ACTOR = "system:deadline-watch";

    private final JdbcTemplate jdbc;
    private final Commands commands;
    private final Clock clock;

    DeadlineWatch(JdbcTemplate jdbc, Commands commands, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
    }

    record Due(String complaintId, String stage, Instant enteredAt, Instant dueAt) {
    }

    /** Answers how many missed deadlines it found. */
    @Scheduled(fixedDelayString = "${kefu.complaints.deadline.check:30s}", initialDelayString = "10s")
    public int check() {
        Instant now = clock.instant();
        List<Due> due = jdbc.query("""
                select complaint_id, stage, entered_at, due_at from complaint_deadline
                where missed_at is null and due_at <= ? order by due_at limit 500""",
                (rs, row) -> new Due(rs.getString("complaint_id"), rs.getString("stage"),
                        rs.getTimestamp("entered_at").toInstant(), rs.getTimestamp("due_at").toInstant()),
                java.sql.Timestamp.from(now));
        for (Due stage : due) {
            try {
                commands.sendAs(ACTOR, null, new RecordDeadlineMissedCommand(stage.complaintId(), stage.stage(),
                        stage.enteredAt(), stage.dueAt(), now));
            } catch (RuntimeException e) {
                log.warn("could not record the missed deadline of complaint {} ({}): {}", stage.complaintId(),
                        stage.stage(), e.getMessage());
            }
        }
        return due.size();
    }
}
