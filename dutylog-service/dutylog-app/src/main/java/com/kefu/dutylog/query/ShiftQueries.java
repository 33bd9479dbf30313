package com.kefu.dutylog.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Reads of the shift view. */
@Component
public class ShiftQueries {

    private static final RowMapper<ShiftView.Entry> ENTRY = (rs, row) -> new ShiftView.Entry(
            rs.getString("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("category"),
            rs.getString("description"), rs.getString("handling"), rs.getString("outcome"),
            rs.getString("reference"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());

    private final JdbcTemplate jdbc;

    ShiftQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The shift on duty: the most recently opened shift that has not been handed over. */
    public Optional<String> currentShiftId() {
        return jdbc.queryForList("select id from shift_view where open order by opened_at desc limit 1", String.class)
                   .stream().findFirst();
    }

    public Optional<String> openShiftOf(String post) {
        return jdbc.queryForList("select id from shift_view where open and post = ? limit 1", String.class, post)
                   .stream().findFirst();
    }

    public Optional<ShiftView> find(String id) {
        List<ShiftView.Entry> entries = jdbc.query(
                "select * from shift_entry_view where shift_id = ? order by recorded_at, occurred_at", ENTRY, id);
        return jdbc.query("select * from shift_view where id = ?", (rs, row) -> new ShiftView(
                rs.getString("id"), rs.getString("post"), rs.getDate("shift_date").toLocalDate(),
                rs.getString("opened_by"), rs.getTimestamp("opened_at").toInstant(), rs.getBoolean("open"),
                entries), id).stream().findFirst();
    }
}
