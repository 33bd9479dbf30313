package com.kefu.broadcast.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The review notes of a programme or column (B5), oldest first. */
@Component
public class ReviewQueries {

    public record ReviewNote(String id, String programme, String verdict, String note, String scriptId,
                             Integer scriptVersion, String reviewer, Instant recordedAt) {
    }

    private static final RowMapper<ReviewNote> NOTE = (rs, row) -> new ReviewNote(
            rs.getString("id"),
            rs.getString("programme"),
            rs.getString("verdict"),
            rs.getString("note"),
            rs.getString("script_id"),
            (Integer) rs.getObject("script_version"),
            rs.getString("reviewer"),
            ScriptQueries.instant(rs, "recorded_at"));

    private final JdbcTemplate jdbc;

    ReviewQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ReviewNote> of(String programme) {
        return jdbc.query("select * from review_note where programme = ? order by recorded_at, id", NOTE, programme);
    }

    /** The verdict that stands: the latest note's. */
    public Optional<String> verdict(String programme) {
        return jdbc.queryForList("""
                select verdict from review_note where programme = ? order by recorded_at desc, id desc limit 1""",
                String.class, programme).stream().findFirst();
    }
}
