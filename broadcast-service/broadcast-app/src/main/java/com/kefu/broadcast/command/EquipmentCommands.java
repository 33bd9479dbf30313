package com.kefu.broadcast.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What is done to the station's equipment (B6). */
public final class EquipmentCommands {

    private EquipmentCommands() {
    }

    public record RegisterEquipmentCommand(@TargetAggregateIdentifier String equipmentId, String name,
                                           String location, String actor, Instant at) {
    }

    public record RecordMaintenanceCommand(@TargetAggregateIdentifier String equipmentId, String maintenanceId,
                                           String description, String performedBy, Instant performedAt,
                                           String actor, Instant at) {
    }

    public record ReportFaultCommand(@TargetAggregateIdentifier String equipmentId, String faultId,
                                     String description, String actor, Instant at) {
    }

    public record ClearFaultCommand(@TargetAggregateIdentifier String equipmentId, String faultId, String repair,
                                    String actor, Instant at) {
    }
}
