package com.kefu.dutylog.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.dutylog.api.RepairOrderAcknowledgedEvent;
import com.kefu.dutylog.api.RepairOrderClosedEvent;
import com.kefu.dutylog.api.RepairOrderOpenedEvent;
import com.kefu.dutylog.command.Round;
import com.kefu.dutylog.event.RoundRecordedEvent;
import com.kefu.dutylog.event.TaskDoneEvent;
import com.kefu.dutylog.event.TaskGivenEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.sql.Timestamp;

/**
 * The lobby's rounds and repair orders (D16) and tasks from superiors (D19). In the duty records' subscribing group,
 * so a read right after a write shows it (R1), and the handover sees what is still open.
 */
@Component
@ProcessingGroup(DutyRecordsProjection.PROCESSING_GROUP)
class RoundsAndTasksProjection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RoundsAndTasksProjection(JdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(RoundRecordedEvent event) {
        try {
            jdbc.update("""
                    insert into round_view (id, area, checks, faults, recorded_by, recorded_at)
                    values (?, ?, cast(? as jsonb), ?, ?, ?) on conflict (id) do nothing""",
                    event.roundId(), event.area(), json.writeValueAsString(event.checks()),
                    (int) event.checks().stream().filter(c -> Round.FAULT.equals(c.result())).count(),
                    event.recordedBy(), Timestamp.from(event.recordedAt()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @EventHandler
    void on(RepairOrderOpenedEvent event) {
        jdbc.update("""
                insert into repair_order_view (id, round_id, area, item, fault, department, status, opened_by,
                    opened_at)
                values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?) on conflict (id) do nothing""",
                event.repairOrderId(), event.roundId(), event.area(), event.item(), event.fault(), event.department(),
                event.openedBy(), Timestamp.from(event.openedAt()));
    }

    @EventHandler
    void on(RepairOrderAcknowledgedEvent event) {
        jdbc.update("""
                update repair_order_view set status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = ?,
                    acknowledge_note = ? where id = ?""",
                event.acknowledgedBy(), Timestamp.from(event.acknowledgedAt()), event.note(), event.repairOrderId());
    }

    @EventHandler
    void on(RepairOrderClosedEvent event) {
        jdbc.update("""
                update repair_order_view set status = 'CLOSED', closed_by = ?, closed_at = ?, result = ?
                where id = ?""",
                event.closedBy(), Timestamp.from(event.closedAt()), event.result(), event.repairOrderId());
    }

    @EventHandler
    void on(TaskGivenEvent event) {
        jdbc.update("""
                insert into task_view (id, text, given_by, assignee_kind, assignee, due_at, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""",
                event.taskId(), event.text(), event.givenBy(), event.assigneeKind(), event.assignee(),
                Timestamp.from(event.dueAt()), event.recordedBy(), Timestamp.from(event.recordedAt()));
    }

    @EventHandler
    void on(TaskDoneEvent event) {
        jdbc.update("update task_view set done_by = ?, done_at = ?, done_note = ?, done_late = ? where id = ?",
                event.doneBy(), Timestamp.from(event.doneAt()), event.note(), event.late(), event.taskId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from round_view");
        jdbc.update("delete from repair_order_view");
        jdbc.update("delete from task_view");
    }
}
