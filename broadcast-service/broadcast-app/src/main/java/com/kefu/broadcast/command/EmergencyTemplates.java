package com.kefu.broadcast.command;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The pre-approved emergency templates (B7), in both languages: data, changed only by a migration. */
@Component
public class EmergencyTemplates {

    public static final String FIRE_EVACUATION = "FIRE_EVACUATION";
    public static final String LOST_CHILD = "LOST_CHILD";

    public record Template(String code, String title, String programme, String textZh, String textRu,
                           String approvedBy, LocalDate approvedOn) {
    }

    private static final RowMapper<Template> TEMPLATE = (rs, row) -> new Template(
            rs.getString("code"),
            rs.getString("title"),
            rs.getString("programme"),
            rs.getString("text_zh"),
            rs.getString("text_ru"),
            rs.getString("approved_by"),
            rs.getObject("approved_on", LocalDate.class));

    private final JdbcTemplate jdbc;

    EmergencyTemplates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Template> list() {
        return jdbc.query("select * from emergency_template order by code", TEMPLATE);
    }

    public Optional<Template> find(String code) {
        return jdbc.query("select * from emergency_template where code = ?", TEMPLATE, code).stream().findFirst();
    }
}
