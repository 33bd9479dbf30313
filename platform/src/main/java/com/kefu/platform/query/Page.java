package com.kefu.platform.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A page of a list from a read model's table, and the total it is a page of. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** The optional filters of a list: a filter given {@code null} is left out. */
    public static final class Where {

        private final StringBuilder sql = new StringBuilder(" where true");
        private final List<Object> args = new ArrayList<>();

        public Where equal(String column, Object value) {
            return add(column + " = ?", value);
        }

        /** From this instant on, inclusive. */
        public Where from(String column, Instant instant) {
            return add(column + " >= ?", instant == null ? null : Timestamp.from(instant));
        }

        /** Before this instant. */
        public Where before(String column, Instant instant) {
            return add(column + " < ?", instant == null ? null : Timestamp.from(instant));
        }

        private Where add(String condition, Object value) {
            if (value != null) {
                sql.append(" and ").append(condition);
                args.add(value);
            }
            return this;
        }

        public <T> Page<T> page(JdbcTemplate jdbc, String table, String order, RowMapper<T> rows, int page, int size) {
            Long total = jdbc.queryForObject("select count(*) from " + table + sql, Long.class, args.toArray());
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(size);
            pageArgs.add((long) page * size);
            List<T> items = jdbc.query("select * from " + table + sql + " order by " + order + " limit ? offset ?",
                    rows, pageArgs.toArray());
            return new Page<>(items, page, size, total == null ? 0 : total);
        }
    }
}
