package com.kefu.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.kefu.platform.contracts.DepartmentScoped;
import com.kefu.platform.contracts.EventEnvelope;
import com.kefu.platform.contracts.PublishedEvent;
import com.kefu.platform.envelope.EnvelopeSerializer;
import com.kefu.platform.privacy.PersonalFields;
import com.kefu.platform.test.Topics;

import java.time.Instant;
import java.util.UUID;

/**
 * Puts a service's published event on its topic as that service's relay would (EventRelay): the envelope of its
 * contract's type and version, its personal data masked, keyed by its aggregate, on the test JVM's real broker.
 */
public final class Publisher {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final EnvelopeSerializer ENVELOPES = new EnvelopeSerializer();

    private Publisher() {
    }

    /** Publishes {@code event} of {@code aggregateId} by {@code actor} at {@code at}; answers its envelope. */
    public static EventEnvelope publish(String topic, String aggregateId, long sequence, String actor, Instant at,
                                        Object event) {
        PublishedEvent contract = event.getClass().getAnnotation(PublishedEvent.class);
        ObjectNode data = JSON.valueToTree(event);
        PersonalFields.of(event.getClass()).mask(data);
        var envelope = new EventEnvelope(UUID.randomUUID(), contract.type(), contract.version(), aggregateId, sequence,
                at, actor, event instanceof DepartmentScoped scoped ? scoped.department() : null, data);
        Topics.publish(topic, aggregateId, ENVELOPES.serialize(topic, envelope));
        return envelope;
    }
}
