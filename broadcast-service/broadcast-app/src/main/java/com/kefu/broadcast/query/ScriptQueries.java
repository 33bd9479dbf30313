package com.kefu.broadcast.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads of the script read model. */
@Component
public class ScriptQueries {

    static final RowMapper<ScriptView> VIEW = (rs, row) -> new ScriptView(
            rs.getString("id"),
            rs.getInt("version"),
            rs.getString("status"),
            rs.getString("title"),
            rs.getString("programme"),
            rs.getString("text_zh"),
            rs.getString("text_ru"),
            rs.getString("author"),
            instant(rs, "drafted_at"),
            (Integer) rs.getObject("airable_version"),
            date(rs, "valid_from"),
            date(rs, "valid_until"),
            instant(rs, "updated_at"));

    private static final RowMapper<ScriptVersionView> VERSION = (rs, row) -> new ScriptVersionView(
            rs.getInt("version"),
            rs.getString("status"),
            rs.getString("title"),
            rs.getString("programme"),
            rs.getString("text_zh"),
            rs.getString("text_ru"),
            rs.getString("author"),
            instant(rs, "written_at"),
            rs.getString("decided_by"),
            instant(rs, "decided_at"),
            rs.getString("reason"),
            date(rs, "valid_from"),
            date(rs, "valid_until"));

    private final JdbcTemplate jdbc;

    ScriptQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ScriptView> find(String id) {
        return jdbc.query("select * from script_view where id = ?", VIEW, id).stream().findFirst();
    }

    /** Scripts by status and programme (either may be null), the latest changed first: the supervisor's queue. */
    public List<ScriptView> list(String status, String programme) {
        StringBuilder sql = new StringBuilder("select * from script_view where true");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status);
        }
        if (programme != null) {
            sql.append(" and programme = ?");
            args.add(programme);
        }
        sql.append(" order by updated_at desc limit 500");
        return jdbc.query(sql.toString(), VIEW, args.toArray());
    }

    public List<ScriptVersionView> versions(String id) {
        return jdbc.query("select * from script_version where script_id = ? order by version", VERSION, id);
    }

    public Optional<ScriptVersionView> version(String id, int version) {
        return jdbc.query("select * from script_version where script_id = ? and version = ?", VERSION, id, version)
                   .stream().findFirst();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
