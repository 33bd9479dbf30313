package com.kefu.dutylog.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The commands of the visitors' log and its badges (D18). */
public final class VisitorCommands {

    private VisitorCommands() {
    }

    public record SignInVisitorCommand(@TargetAggregateIdentifier String visitId, String name, String visiting,
                                       String badge, String signedInBy, Instant arrivedAt) {
    }

    public record SignOutVisitorCommand(@TargetAggregateIdentifier String visitId, String signedOutBy,
                                        Instant leftAt) {
    }

    public record IssueBadgeCommand(@TargetAggregateIdentifier String badgeId, String badge, String visitId,
                                    Instant issuedAt) {
    }

    public record ReturnBadgeCommand(@TargetAggregateIdentifier String badgeId, String badge, String visitId,
                                     Instant returnedAt) {
    }

    public record EraseVisitorCommand(@TargetAggregateIdentifier String visitId, String reason, String erasedBy,
                                      Instant erasedAt) {
    }
}
