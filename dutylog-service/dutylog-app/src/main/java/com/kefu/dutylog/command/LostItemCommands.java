package com.kefu.dutylog.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;

/** The commands of lost and found (D9). */
final class LostItemCommands {

    private LostItemCommands() {
    }

    record RegisterLostItemCommand(@TargetAggregateIdentifier String itemId, String description,
                                   String foundBy, Instant foundAt, String foundWhere, String handedTo,
                                   String storedAt, String registeredBy, Instant registeredAt) {
    }

    record ReturnLostItemCommand(@TargetAggregateIdentifier String itemId, String claimant,
                                 boolean identityChecked, String identityDocument, String returnedBy,
                                 Instant returnedAt) {
    }

    record DisposeLostItemCommand(@TargetAggregateIdentifier String itemId, Duration retention,
                                  String disposedBy, Instant disposedAt) {
    }
}
