package com.kefu.dutylog.query;

import com.kefu.dutylog.event.VisitorArrivedEvent;
import com.kefu.dutylog.event.VisitorLeftEvent;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.privacy.Masking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Visitors (D18): who is still in the building from {@code visitor_view} (kept by {@link DeskKeepingProjection} in
 * the command's transaction, names masked), a visit from its own events, its name masked too (PD1); a badge from
 * {@code badge_view}.
 */
@Component
public class VisitorQueries {

    private final JdbcTemplate jdbc;
    private final EventHistory history;

    VisitorQueries(JdbcTemplate jdbc, EventHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /** Everyone signed in and not yet out, the earliest arrival first. */
    public List<VisitorSummary> inBuilding() {
        return jdbc.query("""
                select * from visitor_view where left_at is null order by arrived_at, id limit 1000""",
                (rs, row) -> new VisitorSummary(rs.getString("id"), rs.getString("masked_name"),
                        rs.getString("visiting"), rs.getString("badge"), rs.getTimestamp("arrived_at").toInstant(),
                        rs.getString("signed_in_by")));
    }

    public boolean exists(String id) {
        return jdbc.queryForObject("select count(*) from visitor_view where id = ?", Integer.class, id) > 0;
    }

    public Optional<VisitorView> find(String id) {
        if (!exists(id)) {
            return Optional.empty();
        }
        VisitorArrivedEvent arrived = null;
        VisitorLeftEvent left = null;
        for (Object event : history.payloads("Visit", id)) {
            if (event instanceof VisitorArrivedEvent a) {
                arrived = a;
            } else if (event instanceof VisitorLeftEvent l) {
                left = l;
            }
        }
        return Optional.of(new VisitorView(id, Masking.name(arrived.name()), arrived.visiting(), arrived.badge(), arrived.arrivedAt(),
                arrived.signedInBy(), left == null ? null : left.leftAt(), left == null ? null : left.signedOutBy(),
                left != null, left == null));
    }

    /** A badge (D18): at the desk or out with a visit, and how often it went out. */
    public record BadgeView(String id, String badge, String outWith, Instant issuedAt, Instant returnedAt,
                            int issues) {
    }

    public Optional<BadgeView> badge(String badgeId) {
        return jdbc.query("select * from badge_view where id = ?", (rs, row) -> new BadgeView(rs.getString("id"),
                rs.getString("badge"), rs.getString("out_with"), instant(rs.getTimestamp("issued_at")),
                instant(rs.getTimestamp("returned_at")), rs.getInt("issues")), badgeId).stream().findFirst();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
