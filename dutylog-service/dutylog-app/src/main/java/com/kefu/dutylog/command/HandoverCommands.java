package com.kefu.dutylog.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** The incoming person's side of a handover (D15): accepting it under their own sign-in, or refusing it. */
final class HandoverCommands {

    private HandoverCommands() {
    }

    /**
     * {@code acceptedBy}: the signed-in user, who must be the person it was proposed to; {@code unresolvedEmergencies}
     * as when it was proposed (D7): one reported since refuses it still.
     */
    record AcceptHandoverCommand(@TargetAggregateIdentifier String shiftId, String acceptedBy,
                                 List<String> unresolvedEmergencies, HandoverDue due, String lateReason,
                                 Instant at) {

        public AcceptHandoverCommand {
            unresolvedEmergencies = unresolvedEmergencies == null ? List.of() : List.copyOf(unresolvedEmergencies);
            due = due == null ? HandoverDue.NONE : due;
        }
    }

    record DeclineHandoverCommand(@TargetAggregateIdentifier String shiftId, String declinedBy, String reason,
                                  Instant at) {
    }
}
