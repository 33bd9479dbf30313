package com.kefu.broadcast.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The programme log of a day (B4, B7). */
@Component
public class AiringQueries {

    /** One line of the log: what aired, which version or template, which language, when, by whom. */
    public record Airing(String id, Instant airedAt, String scriptId, Integer version, String template,
                         String language, String title, String programme, boolean emergency, String incidentId,
                         String airedBy) {
    }

    private static final RowMapper<Airing> AIRING = (rs, row) -> new Airing(
            rs.getString("id"),
            ScriptQueries.instant(rs, "aired_at"),
            rs.getString("script_id"),
            (Integer) rs.getObject("version"),
            rs.getString("template"),
            rs.getString("language"),
            rs.getString("title"),
            rs.getString("programme"),
            rs.getBoolean("emergency"),
            rs.getString("incident_id"),
            rs.getString("aired_by"));

    private final JdbcTemplate jdbc;

    AiringQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Airing> of(LocalDate day) {
        return jdbc.query("select * from airing where day = ? order by aired_at, position, id", AIRING,
                Date.valueOf(day));
    }

    /** The lines an emergency announcement aired (B7): one per language. */
    public List<Airing> ofEmergency(String emergencyId) {
        return jdbc.query("select * from airing where emergency and starts_with(id, ? || ':') order by position, id",
                AIRING, emergencyId);
    }
}
