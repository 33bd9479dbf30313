package com.kefu.broadcast.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The station's equipment (B6): the list with each item's state, and one item with its records. */
@Component
public class EquipmentQueries {

    /** {@code status}: FAULTY while a fault is open, else OK. */
    public record EquipmentSummary(String id, String name, String location, String status, int openFaults,
                                   Instant lastMaintainedAt) {
    }

    public record Maintenance(String id, String description, String performedBy, Instant performedAt,
                              String recordedBy) {
    }

    public record Fault(String id, String description, String reportedBy, Instant reportedAt, String repair,
                        String clearedBy, Instant clearedAt) {
    }

    public record EquipmentView(String id, String name, String location, String status, int openFaults,
                                Instant lastMaintainedAt, List<Maintenance> maintenance, List<Fault> faults) {
    }

    private static final String SUMMARY = """
            select e.*, (select count(*) from equipment_fault f
                         where f.equipment_id = e.id and f.cleared_at is null) as open_faults
            from equipment e""";

    private static final RowMapper<EquipmentSummary> SUMMARY_ROW = (rs, row) -> new EquipmentSummary(
            rs.getString("id"),
            rs.getString("name"),
            rs.getString("location"),
            rs.getInt("open_faults") > 0 ? "FAULTY" : "OK",
            rs.getInt("open_faults"),
            ScriptQueries.instant(rs, "last_maintained_at"));

    private static final RowMapper<Maintenance> MAINTENANCE = (rs, row) -> new Maintenance(
            rs.getString("id"),
            rs.getString("description"),
            rs.getString("performed_by"),
            ScriptQueries.instant(rs, "performed_at"),
            rs.getString("recorded_by"));

    private static final RowMapper<Fault> FAULT = (rs, row) -> new Fault(
            rs.getString("id"),
            rs.getString("description"),
            rs.getString("reported_by"),
            ScriptQueries.instant(rs, "reported_at"),
            rs.getString("repair"),
            rs.getString("cleared_by"),
            ScriptQueries.instant(rs, "cleared_at"));

    private final JdbcTemplate jdbc;

    EquipmentQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<EquipmentSummary> list() {
        return jdbc.query(SUMMARY + " order by e.name, e.id", SUMMARY_ROW);
    }

    public Optional<EquipmentSummary> summary(String id) {
        return jdbc.query(SUMMARY + " where e.id = ?", SUMMARY_ROW, id).stream().findFirst();
    }

    public Optional<EquipmentView> find(String id) {
        return summary(id).map(e -> new EquipmentView(e.id(), e.name(), e.location(), e.status(), e.openFaults(),
                e.lastMaintainedAt(),
                jdbc.query("select * from equipment_maintenance where equipment_id = ? order by performed_at, id",
                        MAINTENANCE, id),
                jdbc.query("select * from equipment_fault where equipment_id = ? order by reported_at, id",
                        FAULT, id)));
    }
}
