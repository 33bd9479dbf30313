package com.kefu.dutylog.command;

import com.kefu.dutylog.api.RepairOrderAcknowledgedEvent;
import com.kefu.dutylog.api.RepairOrderClosedEvent;
import com.kefu.dutylog.api.RepairOrderOpenedEvent;
import com.kefu.dutylog.command.RoundCommands.AcknowledgeRepairOrderCommand;
import com.kefu.dutylog.command.RoundCommands.CloseRepairOrderCommand;
import com.kefu.dutylog.command.RoundCommands.OpenRepairOrderCommand;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A fault of the lobby reported to engineering (D16, 第三章二 7 报修): OPEN → ACKNOWLEDGED (engineering has it) →
 * CLOSED (engineering says what it did). Only a user of the department it went to acknowledges and closes it, each
 * step once and in that order. Open and acknowledged orders stay on the desk's handover until closed.
 */
@Aggregate
public class RepairOrder {

    public enum Status { OPEN, ACKNOWLEDGED, CLOSED }

    @AggregateIdentifier
    private String repairOrderId;
    private String department;
    private Status status;

    protected RepairOrder() {
    }

    @CommandHandler
    public RepairOrder(OpenRepairOrderCommand command) {
        apply(new RepairOrderOpenedEvent(command.repairOrderId(), command.roundId(), command.area(), command.item(),
                command.fault(), command.department(), command.openedBy(), command.openedAt()));
    }

    @CommandHandler
    void handle(AcknowledgeRepairOrderCommand command) {
        requireDepartment(command.actorDepartment(), "acknowledges");
        if (status != Status.OPEN) {
            throw new RuleViolation(status == Status.CLOSED ? "repair-order-closed" : "repair-order-acknowledged",
                    "repair order " + repairOrderId + " is " + status + ": it is acknowledged once, while it is open"
                            + " (D16)");
        }
        apply(new RepairOrderAcknowledgedEvent(repairOrderId, department, command.note(), command.acknowledgedBy(),
                command.acknowledgedAt()));
    }

    @CommandHandler
    void handle(CloseRepairOrderCommand command) {
        requireDepartment(command.actorDepartment(), "closes");
        if (status == Status.CLOSED) {
            throw new RuleViolation("repair-order-closed", "repair order " + repairOrderId + " is closed already "
                    + "(D16)");
        }
        if (status != Status.ACKNOWLEDGED) {
            throw new RuleViolation("repair-order-not-acknowledged", "repair order " + repairOrderId + " is closed "
                    + "only after " + department + " acknowledged it (D16)");
        }
        apply(new RepairOrderClosedEvent(repairOrderId, department, command.result(), command.closedBy(),
                command.closedAt()));
    }

    private void requireDepartment(String actorDepartment, String what) {
        if (!Objects.equals(department, actorDepartment)) {
            throw new RuleViolation("repair-order-other-department", "repair order " + repairOrderId + " went to "
                    + department + ": only a user of " + department + " " + what + " it, not "
                    + (actorDepartment == null ? "someone of no department" : "one of " + actorDepartment)
                    + " (D16)");
        }
    }

    @EventSourcingHandler
    void on(RepairOrderOpenedEvent event) {
        repairOrderId = event.repairOrderId();
        department = event.department();
        status = Status.OPEN;
    }

    @EventSourcingHandler
    void on(RepairOrderAcknowledgedEvent event) {
        status = Status.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(RepairOrderClosedEvent event) {
        status = Status.CLOSED;
    }
}
