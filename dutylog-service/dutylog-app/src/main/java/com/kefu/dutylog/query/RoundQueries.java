package com.kefu.dutylog.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The lobby's rounds and repair orders (D16), from {@code round_view} and {@code repair_order_view}, kept by
 * {@link RoundsAndTasksProjection} in the command's transaction.
 */
@Component
public class RoundQueries {

    private static final TypeReference<List<RoundView.Check>> CHECKS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RoundQueries(JdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The latest rounds, newest first. */
    public List<RoundView> recent(int limit) {
        return jdbc.query("select *, checks::text as checked from round_view order by recorded_at desc, id limit ?",
                this::round, limit);
    }

    public Optional<RoundView> find(String id) {
        return jdbc.query("select *, checks::text as checked from round_view where id = ?", this::round, id)
                   .stream().findFirst();
    }

    /**
     * Repair orders, oldest first: {@code open} only those not closed (or only the closed); of one department when
     * named.
     */
    public List<RepairOrderView> repairOrders(Boolean open, String department) {
        return jdbc.query("""
                select * from repair_order_view
                where (cast(? as boolean) is null or (status <> 'CLOSED') = ?)
                  and (cast(? as varchar) is null or department = ?)
                order by opened_at, id limit 1000""", ORDER, open, open, department, department);
    }

    public Optional<RepairOrderView> repairOrder(String id) {
        return jdbc.query("select * from repair_order_view where id = ?", ORDER, id).stream().findFirst();
    }

    /** The repair orders open at {@code at}, as they stood then: what a handover at that time hands on (D16). */
    public List<RepairOrderView> openAt(Instant at) {
        Timestamp t = Timestamp.from(at);
        return jdbc.query("""
                select id, round_id, area, item, fault, department, opened_by, opened_at,
                    case when acknowledged_at <= ? then 'ACKNOWLEDGED' else 'OPEN' end as status,
                    case when acknowledged_at <= ? then acknowledged_by end as acknowledged_by,
                    case when acknowledged_at <= ? then acknowledged_at end as acknowledged_at,
                    case when acknowledged_at <= ? then acknowledge_note end as acknowledge_note,
                    null as closed_by, cast(null as timestamptz) as closed_at, null as result
                from repair_order_view
                where opened_at <= ? and (closed_at is null or closed_at > ?)
                order by opened_at, id limit 1000""", ORDER, t, t, t, t, t, t);
    }

    private RoundView round(ResultSet rs, int row) throws SQLException {
        try {
            return new RoundView(rs.getString("id"), rs.getString("area"),
                    json.readValue(rs.getString("checked"), CHECKS), rs.getInt("faults"), rs.getString("recorded_by"),
                    rs.getTimestamp("recorded_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final RowMapper<RepairOrderView> ORDER = (rs, row) -> new RepairOrderView(rs.getString("id"),
            rs.getString("round_id"), rs.getString("area"), rs.getString("item"), rs.getString("fault"),
            rs.getString("department"), rs.getString("status"), rs.getString("opened_by"),
            instant(rs, "opened_at"), rs.getString("acknowledged_by"), instant(rs, "acknowledged_at"),
            rs.getString("acknowledge_note"), rs.getString("closed_by"), instant(rs, "closed_at"),
            rs.getString("result"));

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
