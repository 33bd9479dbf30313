package com.kefu.broadcast.query;

import com.kefu.broadcast.event.EquipmentRegisteredEvent;
import com.kefu.broadcast.event.FaultClearedEvent;
import com.kefu.broadcast.event.FaultReportedEvent;
import com.kefu.broadcast.event.MaintenanceRecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/** The station's equipment list, maintenance records and faults (B6). */
@Component
@ProcessingGroup(Views.PROCESSING_GROUP)
class EquipmentProjection {

    private final JdbcTemplate jdbc;

    EquipmentProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EquipmentRegisteredEvent event) {
        jdbc.update("""
                insert into equipment (id, name, location, registered_at) values (?, ?, ?, ?)
                on conflict (id) do nothing""",
                event.equipmentId(), event.name(), event.location(), Timestamp.from(event.registeredAt()));
    }

    @EventHandler
    void on(MaintenanceRecordedEvent event) {
        jdbc.update("""
                insert into equipment_maintenance (id, equipment_id, description, performed_by, performed_at,
                                                   recorded_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing""",
                event.maintenanceId(), event.equipmentId(), event.description(), event.performedBy(),
                Timestamp.from(event.performedAt()), event.recordedBy());
        jdbc.update("""
                update equipment set last_maintained_at = greatest(last_maintained_at, ?) where id = ?""",
                Timestamp.from(event.performedAt()), event.equipmentId());
    }

    @EventHandler
    void on(FaultReportedEvent event) {
        jdbc.update("""
                insert into equipment_fault (id, equipment_id, description, reported_by, reported_at)
                values (?, ?, ?, ?, ?)
                on conflict (id) do nothing""",
                event.faultId(), event.equipmentId(), event.description(), event.reportedBy(),
                Timestamp.from(event.reportedAt()));
    }

    @EventHandler
    void on(FaultClearedEvent event) {
        jdbc.update("update equipment_fault set repair = ?, cleared_by = ?, cleared_at = ? where id = ?",
                event.repair(), event.clearedBy(), Timestamp.from(event.clearedAt()), event.faultId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from equipment_fault");
        jdbc.update("delete from equipment_maintenance");
        jdbc.update("delete from equipment");
    }
}
