package com.kefu.platform.contracts.audit;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/**
 * A service's event store as it was when this was recorded (A1): {@code events} events up to the global index
 * {@code globalIndex}, whose chain hashes in the order of the global index digest to {@code head} (SHA-256, hex).
 * Published out of the store's reach, so that a store rewritten from some event on, its chain recomputed to fit, no
 * longer passes through a head it published. The envelope's aggregate id is the service.
 * Schema: {@code schemas/audit.chain-heads/ChainHeadRecorded.v1.json}.
 */
@PublishedEvent(type = "ChainHeadRecorded", version = 1)
public record ChainHeadRecordedEvent(
        String service,
        long events,
        String head,
        long globalIndex,
        Instant recordedAt) {
}
