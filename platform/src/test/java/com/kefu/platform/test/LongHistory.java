package com.kefu.platform.test;

import com.kefu.platform.relay.Actors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import java.util.ArrayList;
import java.util.List;

/**
 * A long history for one aggregate in seconds: its events appended to the event store a thousand at a time (and
 * handled by the service's event processors), after the events it has, as its commands would have written them.
 * For tests of what a command costs on a long history; no snapshot is taken on the way, as on a store written
 * before snapshots were configured.
 */
public final class LongHistory {

    private static final int CHUNK = 1_000;

    private LongHistory() {
    }

    /** Appends {@code events} to the stream of {@code aggregateId}, an aggregate of {@code type}, by {@code actor}. */
    public static void append(EventStore store, String type, String aggregateId, String actor, List<?> events) {
        long sequence = store.lastSequenceNumberFor(aggregateId).orElse(-1L) + 1;
        for (int from = 0; from < events.size(); from += CHUNK) {
            List<DomainEventMessage<?>> chunk = new ArrayList<>();
            for (Object event : events.subList(from, Math.min(events.size(), from + CHUNK))) {
                chunk.add(new GenericDomainEventMessage<>(type, aggregateId, sequence++, event,
                        MetaData.with(Actors.ACTOR, actor)));
            }
            store.publish(chunk);
        }
    }
}
