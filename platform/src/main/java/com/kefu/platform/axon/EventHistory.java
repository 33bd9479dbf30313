package com.kefu.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kefu.platform.messaging.PublishedEvent;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.relay.Actors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Histories read straight from a service's event store (C13): every event of a record in order, with its time, its
 * actor and its data, named as on the topic ({@link PublishedEvent#type()}) or, for an event that stays inside the
 * service, by its class. A phone in an event's data shows masked, as on the topic (S1).
 */
public class EventHistory {

    private final EventStore events;
    private final ObjectMapper json;

    public EventHistory(EventStore events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    public record Entry(String aggregateId, long sequence, String type, Instant occurredAt, String actor,
                        JsonNode data) {
    }

    /**
     * The events of one record (a complaint, a shift, a script…), in order; empty when there is none. Read from the
     * first: {@code readEvents(id)} would start at the record's latest snapshot ({@link Snapshots}).
     */
    public List<Entry> of(String aggregateId) {
        return events.readEvents(aggregateId, 0).asStream().map(this::entry).toList();
    }

    /** The events of several records, merged in the order they happened. */
    public List<Entry> of(Collection<String> aggregateIds) {
        return aggregateIds.stream().distinct().flatMap(id -> of(id).stream())
                .sorted(Comparator.comparing(Entry::occurredAt).thenComparing(Entry::aggregateId)
                        .thenComparingLong(Entry::sequence))
                .toList();
    }

    /** The payloads of one record's events, in order. */
    public List<Object> payloads(String aggregateId) {
        return events.readEvents(aggregateId, 0).asStream().<Object>map(DomainEventMessage::getPayload).toList();
    }

    private Entry entry(DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        PublishedEvent contract = payload.getClass().getAnnotation(PublishedEvent.class);
        String type = contract != null ? contract.type()
                : payload.getClass().getSimpleName().replaceFirst("Event$", "");
        JsonNode data = json.valueToTree(payload);
        if (data instanceof ObjectNode fields && fields.hasNonNull("phone")) {
            fields.put("phone", Masking.phone(fields.get("phone").asText()));
        }
        return new Entry(event.getAggregateIdentifier(), event.getSequenceNumber(), type, event.getTimestamp(),
                (String) event.getMetaData().get(Actors.ACTOR), data);
    }
}
