package com.kefu.platform.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes envelopes as JSON; passes raw bytes through unchanged, which is how a record that could not be
 * read reaches its dead-letter topic with its original bytes.
 */
public class EnvelopeSerializer implements Serializer<Object> {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
