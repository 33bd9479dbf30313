package com.kefu.dutylog.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The commands of customers' mail and parcels kept at the desk (D17). */
final class ParcelCommands {

    private ParcelCommands() {
    }

    record ReceiveParcelCommand(@TargetAggregateIdentifier String parcelId, String tenant, String shop,
                                String kind, String outside, String deliveredBy, String storedAt,
                                String receivedBy, Instant receivedAt) {
    }

    record StoreParcelCommand(@TargetAggregateIdentifier String parcelId, String storedAt, String storedBy,
                              Instant storedOn) {
    }

    record HandOverParcelCommand(@TargetAggregateIdentifier String parcelId, String tenant,
                                 String collectedBy, String signatureNote, String handedOverBy,
                                 Instant handedOverAt) {
    }
}
