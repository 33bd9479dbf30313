package com.kefu.gateway.topics;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.kefu.platform.envelope.EnvelopeDeserializer;
import com.kefu.platform.contracts.EventEnvelope;
import com.kefu.platform.contracts.PublishedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Reads the envelopes of the topics and their {@code data} as the publishing service's contract records (its
 * {@code -api} module), for every reader of the topics in the gateway (the live streams, the notifications). A record
 * that is no envelope, or a version the gateway does not know, is left aside.
 */
public final class Envelopes {

    private static final Logger log = LoggerFactory.getLogger(Envelopes.class);
    private static final EnvelopeDeserializer ENVELOPES = new EnvelopeDeserializer();
    private static final ObjectMapper DATA = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Envelopes() {
    }

    public static Optional<EventEnvelope> read(ConsumerRecord<String, byte[]> record) {
        try {
            return Optional.ofNullable(ENVELOPES.deserialize(record.topic(), record.value()));
        } catch (RuntimeException e) {
            log.warn("{}-{}@{} is not an event envelope; it is skipped: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The envelope's data as {@code contract}, when the envelope is of that contract's type and version. */
    public static <T> Optional<T> data(EventEnvelope envelope, Class<T> contract) {
        PublishedEvent published = contract.getAnnotation(PublishedEvent.class);
        if (!published.type().equals(envelope.type())) {
            return Optional.empty();
        }
        if (published.version() != envelope.version()) {
            log.warn("{} version {} is not the version {} the gateway reads; event {} is skipped", envelope.type(),
                    envelope.version(), published.version(), envelope.id());
            return Optional.empty();
        }
        try {
            return Optional.of(DATA.treeToValue(envelope.data(), contract));
        } catch (Exception e) {
            log.warn("{} {} does not match its contract; it is skipped: {}", envelope.type(), envelope.id(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    public static String type(Class<?> contract) {
        return contract.getAnnotation(PublishedEvent.class).type();
    }
}
