package com.kefu.platform.contracts;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * What every service publishes on Kafka for each of its events (ARCHITECTURE.md, "Event envelope").
 * {@code id} is the event's identifier in the publishing service's event store, so it stays the same when
 * the relay publishes the event again: consumers deduplicate on it.
 */
public record EventEnvelope(
        UUID id,
        String type,
        int version,
        String aggregateId,
        long sequence,
        Instant occurredAt,
        String actor,
        String department,
        JsonNode data) {
}
