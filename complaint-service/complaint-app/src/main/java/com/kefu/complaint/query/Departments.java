package com.kefu.complaint.query;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.platform.rules.RuleViolation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** The responsible departments (C5): data kept by ADMIN; a complaint goes only to an active one. */
@Component
public class Departments {

    private final JdbcTemplate jdbc;

    Departments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Department(String id, String nameZh, String nameRu, String nameEn, boolean active) {
    }

    public List<Department> all() {
        return jdbc.query("select * from department order by id", (rs, row) -> new Department(rs.getString("id"),
                rs.getString("name_zh"), rs.getString("name_ru"), rs.getString("name_en"), rs.getBoolean("active")));
    }

    /** Adds a department, or renames and (re)activates it. */
    public void save(Department department) {
        jdbc.update("""
                insert into department (id, name_zh, name_ru, name_en, active) values (?, ?, ?, ?, ?)
                on conflict (id) do update set name_zh = excluded.name_zh, name_ru = excluded.name_ru,
                    name_en = excluded.name_en, active = excluded.active""",
                department.id(), department.nameZh(), department.nameRu(), department.nameEn(), department.active());
    }

    public void requireActive(String id) {
        Boolean active = jdbc.queryForList("select active from department where id = ?", Boolean.class, id)
                             .stream().findFirst().orElse(null);
        if (active == null) {
            throw new InvalidRequest("department '" + id + "' is not known; known departments: "
                    + all().stream().filter(Department::active).map(Department::id).toList());
        }
        if (!active) {
            throw new RuleViolation("department-inactive", "department '" + id + "' no longer takes complaints");
        }
    }
}
