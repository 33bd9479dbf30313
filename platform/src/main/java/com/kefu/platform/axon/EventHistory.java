package com.kefu.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kefu.platform.contracts.PublishedEvent;
import com.kefu.platform.contracts.PersonalData;
import com.kefu.platform.privacy.PersonalFields;
import com.kefu.platform.relay.Actors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Histories read straight from a service's event store (C13): every event of a record in order, with its time, its
 * actor and its data, named as on the topic ({@link PublishedEvent#type()}) or, for an event that stays inside the
 * service, by its class. A record is read only as the kind of record the caller asks for (its aggregate type,
 * {@code "Complaint"}): an id of another kind reads as no record at all (S5). Every {@link PersonalData} text of an
 * event's data shows masked as what it is, whatever it is called (S1, S5); {@link #payloads} are the events
 * themselves, for the few reads that may show personal data in clear (recorded, S2) or fold the events.
 */
public class EventHistory {

    /** While a read runs as a record was at an instant: the instant, after which no event is read. */
    private static final ThreadLocal<Instant> UNTIL = new ThreadLocal<>();

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
     * The events of one record of the kind {@code aggregateType} (a {@code Complaint}, a {@code Shift}, a
     * {@code Script}…), in order; empty when there is none of that kind. Read from the first: {@code readEvents(id)}
     * would start at the record's latest snapshot ({@link Snapshots}).
     */
    public List<Entry> of(String aggregateType, String aggregateId) {
        return messages(aggregateType, aggregateId).stream().map(this::entry).toList();
    }

    /** As {@link #of(String, String)}, but no record of that kind is {@code missing}'s exception (a 404). */
    public List<Entry> of(String aggregateType, String aggregateId, Supplier<? extends RuntimeException> missing) {
        List<Entry> entries = of(aggregateType, aggregateId);
        if (entries.isEmpty()) {
            throw missing.get();
        }
        return entries;
    }

    /** The events of several records, each of one of the kinds {@code aggregateTypes}, merged in time order. */
    public List<Entry> of(Set<String> aggregateTypes, Collection<String> aggregateIds) {
        return aggregateIds.stream().distinct()
                .flatMap(id -> messages(aggregateTypes, id).stream().map(this::entry))
                .sorted(Comparator.comparing(Entry::occurredAt).thenComparing(Entry::aggregateId)
                        .thenComparingLong(Entry::sequence))
                .toList();
    }

    /** The payloads of one record's events, in order, personal data in clear; empty for a record of another kind. */
    public List<Object> payloads(String aggregateType, String aggregateId) {
        return messages(aggregateType, aggregateId).stream().<Object>map(DomainEventMessage::getPayload).toList();
    }

    private List<? extends DomainEventMessage<?>> messages(String aggregateType, String aggregateId) {
        return messages(Set.of(aggregateType), aggregateId);
    }

    private List<? extends DomainEventMessage<?>> messages(Set<String> aggregateTypes, String aggregateId) {
        Instant until = UNTIL.get();
        List<? extends DomainEventMessage<?>> read = events.readEvents(aggregateId, 0).asStream()
                .takeWhile(event -> until == null || !event.getTimestamp().isAfter(until))
                .toList();
        return read.isEmpty() || !aggregateTypes.contains(read.get(0).getType()) ? List.of() : read;
    }

    /**
     * {@code read} with every history this thread reads meanwhile ending at {@code until}: a read that folds a record's
     * events, run as the record was at an instant ({@link RecordsAsOf}), folds those up to it.
     */
    static <T> T until(Instant until, Supplier<T> read) {
        Instant outer = UNTIL.get();
        UNTIL.set(until);
        try {
            return read.get();
        } finally {
            if (outer == null) {
                UNTIL.remove();
            } else {
                UNTIL.set(outer);
            }
        }
    }

    private Entry entry(DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        PublishedEvent contract = payload.getClass().getAnnotation(PublishedEvent.class);
        String type = contract != null ? contract.type()
                : payload.getClass().getSimpleName().replaceFirst("Event$", "");
        JsonNode data = json.valueToTree(payload);
        if (data instanceof ObjectNode fields) {
            PersonalFields.of(payload.getClass()).mask(fields);
        }
        return new Entry(event.getAggregateIdentifier(), event.getSequenceNumber(), type, event.getTimestamp(),
                (String) event.getMetaData().get(Actors.ACTOR), data);
    }
}
