package com.kefu.complaint.query;

import com.kefu.complaint.api.Priority;
import com.kefu.complaint.config.DeadlineProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * A workflow event on the complaint's row, as one statement: the view's own columns (the handler's part), the
 * statistics' stage (C11: the time spent in the stage the complaint leaves goes to {@code complaint_stage_time}) and
 * the current stage's deadline (C10, with its warning C17, by the row's priority). The view, the statistics and the
 * deadline table wrote the same row in five statements per event; a rebuild waits on each statement's round trip
 * ({@code deploy/bench/pg-per-replay.sh} counts them).
 * <p>
 * Each part keeps its own guard, so an event handled again changes nothing: the statistics by the event's sequence
 * number ({@code r.unseen}, which the view's part may use too), the deadline by the instant its stage was entered,
 * and not at all once the complaint has left the workflow (an archived complaint has no deadline).
 */
final class StageMove {

    /** What the event does to the current stage's deadline. */
    enum Deadline {
        /** The complaint enters the stage: its due time from the limits, by the row's priority. */
        ENTER,
        /** The complaint leaves the workflow: no stage, no deadline. */
        CLEAR,
        /** The stage stays as it is. */
        KEEP
    }

    private static final String STATEMENT = """
            with r as (
                select id, statistic_status, status_since, statistic_sequence < :sequence as unseen,
                    deadline_stage is not null and deadline_entered_at <= :at::timestamptz as watched
                from complaint_view where id = :id),
            stage_time as (
                insert into complaint_stage_time (complaint_id, sequence, stage, millis)
                select id, :sequence, statistic_status, (extract(epoch from (:at::timestamptz - status_since)) * 1000)::bigint
                from r where unseen and statistic_status <> :stage
                on conflict do nothing)
            update complaint_view v set %s,
                status_since = case when r.unseen and v.statistic_status is distinct from coalesce(:stage, v.statistic_status)
                    then :at else v.status_since end,
                statistic_status = case when r.unseen then coalesce(:stage, v.statistic_status) else v.statistic_status end,
                statistic_sequence = case when r.unseen then :sequence else v.statistic_sequence end%s
            from r where v.id = r.id""";

    private static final String ENTER = """
            ,
                deadline_stage = case when r.watched then :stage else v.deadline_stage end,
                deadline_department = case when r.watched then coalesce(:department, v.deadline_department)
                    else v.deadline_department end,
                deadline_entered_at = case when r.watched then :at else v.deadline_entered_at end,
                deadline_due_at = case when not r.watched then v.deadline_due_at
                    when v.priority = 'URGENT' then :dueURGENT when v.priority = 'HIGH' then :dueHIGH
                    else :dueNORMAL end,
                deadline_warn_at = case when not r.watched then v.deadline_warn_at
                    when v.priority = 'URGENT' then :warnURGENT when v.priority = 'HIGH' then :warnHIGH
                    else :warnNORMAL end,
                deadline_missed_at = case when r.watched then null else v.deadline_missed_at end,
                deadline_warned_at = case when r.watched then null else v.deadline_warned_at end""";

    private static final String CLEAR = """
            ,
                deadline_stage = null, deadline_department = null, deadline_entered_at = null, deadline_due_at = null,
                deadline_missed_at = null, deadline_warn_at = null, deadline_warned_at = null""";

    private final NamedParameterJdbcTemplate jdbc;
    private final DeadlineProperties deadlines;

    StageMove(JdbcTemplate jdbc, DeadlineProperties deadlines) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.deadlines = deadlines;
    }

    /**
     * The complaint's row after the event at {@code sequence}: the view's columns as {@code view} sets them (named
     * parameters of its own beside {@code :id}, {@code :sequence}, {@code :at}), the statistics' stage moved to
     * {@code stage} at {@code at} ({@code null}: it stays), the deadline as {@code deadline} says ({@code department}
     * is kept when {@code null}).
     */
    void apply(String complaintId, long sequence, Instant at, String stage, Deadline deadline, String department,
               String view, MapSqlParameterSource values) {
        values.addValue("id", complaintId)
                .addValue("sequence", sequence)
                .addValue("at", Timestamp.from(at))
                .addValue("stage", stage, Types.VARCHAR)
                .addValue("department", department, Types.VARCHAR);
        if (deadline == Deadline.ENTER) {
            for (Priority priority : Priority.values()) {
                Instant due = deadlines.due(priority, stage, at);
                values.addValue("due" + priority.name(), Timestamp.from(due))
                        .addValue("warn" + priority.name(), Timestamp.from(DeadlineProperties.warningAt(at, due)));
            }
        }
        String deadlines = switch (deadline) {
            case ENTER -> ENTER;
            case CLEAR -> CLEAR;
            case KEEP -> "";
        };
        jdbc.update(STATEMENT.formatted(view, deadlines), values);
    }
}
