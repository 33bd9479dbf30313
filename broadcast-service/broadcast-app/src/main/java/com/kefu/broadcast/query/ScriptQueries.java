package com.kefu.broadcast.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Reads of the script read model. */
@Component
public class ScriptQueries {

    private static final RowMapper<ScriptView> VIEW = (rs, row) -> new ScriptView(
            rs.getString("id"),
            rs.getInt("version"),
            rs.getString("status"),
            rs.getString("title"),
            rs.getString("programme"),
            rs.getString("text_zh"),
            rs.getString("text_ru"),
            rs.getString("author"),
            rs.getTimestamp("drafted_at").toInstant());

    private final JdbcTemplate jdbc;

    ScriptQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ScriptView> find(String id) {
        return jdbc.query("select * from script_view where id = ?", VIEW, id).stream().findFirst();
    }
}
