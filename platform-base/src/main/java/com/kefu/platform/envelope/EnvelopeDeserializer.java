package com.kefu.platform.envelope;

import com.kefu.platform.contracts.EventEnvelope;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;

/**
 * Reads an {@link EventEnvelope}. It is wrapped by Spring's {@code ErrorHandlingDeserializer}, so a record
 * it cannot read becomes a failed record (sent to the dead-letter topic) instead of stopping the partition.
 * Unknown envelope fields are ignored: producers may add fields without breaking consumers.
 */
public class EnvelopeDeserializer implements Deserializer<EventEnvelope> {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Override
    public EventEnvelope deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            EventEnvelope envelope = JSON.readValue(data, EventEnvelope.class);
            if (envelope.id() == null || envelope.type() == null) {
                throw new SerializationException("not an event envelope: it has no id or no type");
            }
            return envelope;
        } catch (IOException e) {
            throw new SerializationException("not an event envelope: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }
}
