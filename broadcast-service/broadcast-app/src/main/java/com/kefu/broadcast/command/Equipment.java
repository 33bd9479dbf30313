package com.kefu.broadcast.command;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.broadcast.command.EquipmentCommands.ClearFaultCommand;
import com.kefu.broadcast.command.EquipmentCommands.RecordMaintenanceCommand;
import com.kefu.broadcast.command.EquipmentCommands.RegisterEquipmentCommand;
import com.kefu.broadcast.command.EquipmentCommands.ReportFaultCommand;
import com.kefu.broadcast.event.EquipmentRegisteredEvent;
import com.kefu.broadcast.event.FaultClearedEvent;
import com.kefu.broadcast.event.FaultReportedEvent;
import com.kefu.broadcast.event.MaintenanceRecordedEvent;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A piece of the broadcast station's equipment: its maintenance and its faults (B6, 广播器材的维护). */
@Aggregate
public class Equipment {

    @AggregateIdentifier
    private String equipmentId;
    private final Set<String> faults = new HashSet<>();
    private final Set<String> openFaults = new HashSet<>();

    protected Equipment() {
    }

    @CommandHandler
    public Equipment(RegisterEquipmentCommand command) {
        apply(new EquipmentRegisteredEvent(command.equipmentId(), command.name(), command.location(),
                command.actor(), command.at()));
    }

    @CommandHandler
    String handle(RecordMaintenanceCommand command) {
        if (command.performedAt().isAfter(command.at())) {
            throw new InvalidRequest("performedAt " + command.performedAt()
                    + " is in the future: record maintenance once it is done");
        }
        apply(new MaintenanceRecordedEvent(equipmentId, command.maintenanceId(), command.description(),
                command.performedBy(), command.performedAt(), command.actor(), command.at()));
        return command.maintenanceId();
    }

    @CommandHandler
    String handle(ReportFaultCommand command) {
        apply(new FaultReportedEvent(equipmentId, command.faultId(), command.description(), command.actor(),
                command.at()));
        return command.faultId();
    }

    @CommandHandler
    String handle(ClearFaultCommand command) {
        if (!faults.contains(command.faultId())) {
            throw new NotFound("equipment " + equipmentId + " has no fault " + command.faultId());
        }
        if (!openFaults.contains(command.faultId())) {
            throw new RuleViolation("fault-already-cleared", "fault " + command.faultId() + " of equipment "
                    + equipmentId + " was cleared already (B6)");
        }
        apply(new FaultClearedEvent(equipmentId, command.faultId(), command.repair(), command.actor(), command.at()));
        return command.faultId();
    }

    @EventSourcingHandler
    void on(EquipmentRegisteredEvent event) {
        equipmentId = event.equipmentId();
    }

    @EventSourcingHandler
    void on(FaultReportedEvent event) {
        faults.add(event.faultId());
        openFaults.add(event.faultId());
    }

    @EventSourcingHandler
    void on(FaultClearedEvent event) {
        openFaults.remove(event.faultId());
    }

    Set<String> openFaults() {
        return Set.copyOf(openFaults);
    }
}
