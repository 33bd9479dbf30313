package com.kefu.dutylog.command;

import com.kefu.dutylog.event.RoundRecordedEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** The commands of the lobby's rounds and their repair orders (D16). */
final class RoundCommands {

    private RoundCommands() {
    }

    /** Each FAULT check names the repair order it becomes; the desk opens those after the round. */
    record RecordRoundCommand(@TargetAggregateIdentifier String roundId, String area,
                              List<RoundRecordedEvent.Check> checks, String recordedBy, Instant recordedAt) {
    }

    record OpenRepairOrderCommand(@TargetAggregateIdentifier String repairOrderId, String roundId, String area,
                                  String item, String fault, String department, String openedBy,
                                  Instant openedAt) {
    }

    /** {@code actorDepartment}: the department of whoever acknowledges it (null: not a department's user). */
    record AcknowledgeRepairOrderCommand(@TargetAggregateIdentifier String repairOrderId, String note,
                                         String actorDepartment, String acknowledgedBy,
                                         Instant acknowledgedAt) {
    }

    record CloseRepairOrderCommand(@TargetAggregateIdentifier String repairOrderId, String result,
                                   String actorDepartment, String closedBy, Instant closedAt) {
    }
}
