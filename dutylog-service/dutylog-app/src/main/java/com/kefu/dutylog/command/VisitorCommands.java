package com.kefu.dutylog.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The commands of the visitors' log and its badges (D18). */
final class VisitorCommands {

    private VisitorCommands() {
    }

    record SignInVisitorCommand(@TargetAggregateIdentifier String visitId, String name, String visiting,
                                String badge, String signedInBy, Instant arrivedAt) {
    }

    record SignOutVisitorCommand(@TargetAggregateIdentifier String visitId, String signedOutBy,
                                 Instant leftAt) {
    }

    record IssueBadgeCommand(@TargetAggregateIdentifier String badgeId, String badge, String visitId,
                             Instant issuedAt) {
    }

    record ReturnBadgeCommand(@TargetAggregateIdentifier String badgeId, String badge, String visitId,
                              Instant returnedAt) {
    }

    record EraseVisitorCommand(@TargetAggregateIdentifier String visitId, String reason, String erasedBy,
                               Instant erasedAt) {
    }
}
