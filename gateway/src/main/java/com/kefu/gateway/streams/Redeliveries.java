package com.kefu.gateway.streams;

import com.kefu.platform.contracts.EventEnvelope;

import java.util.HashMap;
import java.util.Map;

/**
 * What a view kept from a topic has already applied, per aggregate: an event published twice (the relay publishes at
 * least once) or read again counts once, since only a higher sequence than the last applied is new. Not thread-safe:
 * used under its view's lock.
 */
final class Redeliveries {

    private final Map<String, Long> sequences = new HashMap<>();

    /** Whether {@code envelope} is new, remembering it if so; an event of no aggregate always is. */
    boolean isNew(EventEnvelope envelope) {
        String aggregate = envelope.aggregateId();
        if (aggregate == null) {
            return true;
        }
        Long last = sequences.get(aggregate);
        if (last != null && envelope.sequence() <= last) {
            return false;
        }
        sequences.put(aggregate, envelope.sequence());
        return true;
    }
}
