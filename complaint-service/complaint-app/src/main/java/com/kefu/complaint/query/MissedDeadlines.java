package com.kefu.complaint.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The supervisor's list of missed deadlines (C10), newest first. */
@Component
public class MissedDeadlines {

    private final JdbcTemplate jdbc;

    MissedDeadlines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Missed(String complaintId, String number, String priority, String stage, String department,
                         Instant dueAt, Instant missedAt) {
    }

    public List<Missed> between(Instant from, Instant to) {
        return jdbc.query("""
                select * from missed_deadline where missed_at >= ? and missed_at < ?
                order by missed_at desc limit 1000""",
                (rs, row) -> new Missed(rs.getString("complaint_id"), rs.getString("number"), rs.getString("priority"),
                        rs.getString("stage"), rs.getString("department"), rs.getTimestamp("due_at").toInstant(),
                        rs.getTimestamp("missed_at").toInstant()),
                Timestamp.from(from), Timestamp.from(to));
    }
}
