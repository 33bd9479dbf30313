package com.kefu.dutylog.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The major and emergency matters still open in the building, which hold up every handover (D7): incidents not
 * resolved, and MAJOR complaints escalated in complaint-service and not resolved there.
 */
@Component
public class OpenEmergencies {

    private final JdbcTemplate jdbc;

    OpenEmergencies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One line per open matter, naming it. */
    public List<String> describe() {
        List<String> open = new ArrayList<>(jdbc.query("""
                        select id, category, major, location from incident_view where resolved_at is null
                        order by reported_at""",
                (rs, row) -> (rs.getBoolean("major") ? "major " : "emergency ") + "incident " + rs.getString("id")
                        + " (" + rs.getString("category") + " at " + rs.getString("location") + ")"));
        open.addAll(jdbc.query("select number from major_complaint where open order by updated_at",
                (rs, row) -> "MAJOR complaint " + rs.getString("number")));
        return open;
    }
}
