package com.kefu.dutylog.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.platform.messaging.PublishedEvent;
import com.kefu.platform.relay.Actors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Histories read straight from the event store: every event in order, with its time, its actor and its data. */
@Component
public class EventHistory {

    private final EventStore events;
    private final ObjectMapper json;

    EventHistory(EventStore events, @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    public record Entry(String aggregateId, long sequence, String type, Instant occurredAt, String actor,
                        JsonNode data) {
    }

    /** The events of one shift, incident, duty day or lost item, in order. */
    public List<Entry> of(String aggregateId) {
        return events.readEvents(aggregateId).asStream().map(this::entry).toList();
    }

    /** The events of several, merged in the order they happened. */
    public List<Entry> of(Collection<String> aggregateIds) {
        return aggregateIds.stream().distinct().flatMap(id -> of(id).stream())
                .sorted(Comparator.comparing(Entry::occurredAt).thenComparing(Entry::aggregateId)
                        .thenComparingLong(Entry::sequence))
                .toList();
    }

    /** The payloads of one aggregate's events, in order. */
    public List<Object> payloads(String aggregateId) {
        return events.readEvents(aggregateId).asStream().<Object>map(DomainEventMessage::getPayload).toList();
    }

    private Entry entry(DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        PublishedEvent contract = payload.getClass().getAnnotation(PublishedEvent.class);
        String type = contract != null ? contract.type()
                : payload.getClass().getSimpleName().replaceFirst("Event$", "");
        return new Entry(event.getAggregateIdentifier(), event.getSequenceNumber(), type, event.getTimestamp(),
                (String) event.getMetaData().get(Actors.ACTOR), json.valueToTree(payload));
    }
}
