package com.kefu.dutylog.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.kefu.dutylog.query.RoundQueries.instant;

/**
 * Tasks from superiors (D19), from {@code task_view} (kept by {@link RoundsAndTasksProjection} in the command's
 * transaction); overdue by the service's clock.
 */
@Component
public class TaskQueries {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TaskQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Tasks by due time: {@code open} only those not done (or only the done ones); all when null. */
    public List<TaskView> list(Boolean open) {
        Instant now = clock.instant();
        return jdbc.query("""
                select * from task_view where (cast(? as boolean) is null or (done_at is null) = ?)
                order by due_at, id limit 1000""", (rs, row) -> task(rs, now), open, open);
    }

    public Optional<TaskView> find(String id) {
        Instant now = clock.instant();
        return jdbc.query("select * from task_view where id = ?", (rs, row) -> task(rs, now), id).stream()
                   .findFirst();
    }

    /**
     * The tasks not done at {@code at} that a page of {@code post} carries (D19): those given to the post and those
     * given to a person, as they stood then; overdue as of then.
     */
    public List<TaskView> openAt(Instant at, String post) {
        Timestamp t = Timestamp.from(at);
        return jdbc.query("""
                select id, text, given_by, assignee_kind, assignee, due_at, recorded_by, recorded_at,
                    null as done_by, cast(null as timestamptz) as done_at, null as done_note, false as done_late
                from task_view
                where recorded_at <= ? and (done_at is null or done_at > ?)
                  and (assignee_kind = 'PERSON' or assignee = ?)
                order by due_at, id limit 1000""", (rs, row) -> task(rs, at), t, t, post);
    }

    private static TaskView task(ResultSet rs, Instant now) throws SQLException {
        Instant due = rs.getTimestamp("due_at").toInstant();
        Instant doneAt = instant(rs, "done_at");
        return new TaskView(rs.getString("id"), rs.getString("text"), rs.getString("given_by"),
                rs.getString("assignee_kind"), rs.getString("assignee"), due, rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(), doneAt != null, rs.getString("done_by"), doneAt,
                rs.getString("done_note"), rs.getBoolean("done_late"), doneAt == null && now.isAfter(due));
    }
}
