package com.kefu.broadcast.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What is done to the station's equipment (B6). */
final class EquipmentCommands {

    private EquipmentCommands() {
    }

    record RegisterEquipmentCommand(@TargetAggregateIdentifier String equipmentId, String name,
                                    String location, String actor, Instant at) {
    }

    record RecordMaintenanceCommand(@TargetAggregateIdentifier String equipmentId, String maintenanceId,
                                    String description, String performedBy, Instant performedAt,
                                    String actor, Instant at) {
    }

    record ReportFaultCommand(@TargetAggregateIdentifier String equipmentId, String faultId,
                              String description, String actor, Instant at) {
    }

    record ClearFaultCommand(@TargetAggregateIdentifier String equipmentId, String faultId, String repair,
                             String actor, Instant at) {
    }
}
