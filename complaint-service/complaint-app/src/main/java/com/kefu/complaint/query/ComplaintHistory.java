package com.kefu.complaint.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kefu.platform.messaging.PublishedEvent;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.relay.Actors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * A complaint's history read straight from the event store (C13): every event in order, with its time, its
 * actor and its data. Personal data shows masked, as on the topic.
 */
@Component
public class ComplaintHistory {

    private final EventStore events;
    private final ObjectMapper json;

    ComplaintHistory(EventStore events, @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    public record Entry(long sequence, String type, Instant occurredAt, String actor, JsonNode data) {
    }

    public List<Entry> of(String complaintId) {
        return events.readEvents(complaintId).asStream().map(this::entry).toList();
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
        return new Entry(event.getSequenceNumber(), type, event.getTimestamp(),
                (String) event.getMetaData().get(Actors.ACTOR), data);
    }
}
