package com.kefu.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes envelopes as JSON; passes raw bytes through unchanged, which is how a record that could not be
 * read reaches its dead-letter topic with its original bytes.
 */
public class EnvelopeSerializer implements Serializer<Object> {

    private final ObjectMapper json;

    public EnvelopeSerializer(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
