package com.kefu.complaint.command;

import com.kefu.complaint.command.WorkflowCommands.RecordDeadlineApproachingCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordDeadlineMissedCommand;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.cluster.Instances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Looks for stages past their deadline and has each complaint record it (C10), then for stages four fifths of whose
 * time have gone and has each complaint warn of it (C17). It holds no timers: every check reads
 * {@code complaint_deadline}, so nothing is lost in a restart. Of several instances one checks at a time (R6: the
 * others skip that run), and the complaint records a missed stage, or warns of a stage, once however often it is told.
 */
@Component
public class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    static final String ACTOR = "system:deadline-watch";

    private final JdbcTemplate jdbc;
    private final Commands commands;
    private final Clock clock;
    private final Instances instances;

    DeadlineWatch(JdbcTemplate jdbc, Commands commands, Clock clock, Instances instances) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
        this.instances = instances;
    }

    record Due(String complaintId, String stage, Instant enteredAt, Instant dueAt) {
    }

    /**
     * Answers how many missed deadlines it found (the warnings it sent are not counted); none while another instance
     * checks.
     */
    @Scheduled(fixedDelayString = "${kefu.complaints.deadline.check:30s}", initialDelayString = "10s")
    public int check() {
        return instances.once("complaint-deadline-watch", this::checkHere).orElse(0);
    }

    private int checkHere() {
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
        warn(now);
        return due.size();
    }

    /** The stages whose warning is due, their deadline still ahead (those past it were recorded as missed). */
    private void warn(Instant now) {
        List<Due> approaching = jdbc.query("""
                select complaint_id, stage, entered_at, due_at from complaint_deadline
                where warned_at is null and missed_at is null and warn_at <= ? and due_at > ?
                order by warn_at limit 500""",
                (rs, row) -> new Due(rs.getString("complaint_id"), rs.getString("stage"),
                        rs.getTimestamp("entered_at").toInstant(), rs.getTimestamp("due_at").toInstant()),
                java.sql.Timestamp.from(now), java.sql.Timestamp.from(now));
        for (Due stage : approaching) {
            try {
                commands.sendAs(ACTOR, null, new RecordDeadlineApproachingCommand(stage.complaintId(), stage.stage(),
                        stage.enteredAt(), stage.dueAt(), now));
            } catch (RuntimeException e) {
                log.warn("could not warn of the deadline of complaint {} ({}): {}", stage.complaintId(),
                        stage.stage(), e.getMessage());
            }
        }
    }
}
