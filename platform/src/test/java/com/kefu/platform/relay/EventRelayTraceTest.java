package com.kefu.platform.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.kefu.platform.contract.valid.ParcelLogged;
import com.kefu.platform.envelope.EnvelopeSerializer;
import com.kefu.platform.test.Infrastructure;
import com.kefu.platform.test.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay puts the trace context of the event's metadata on the record's headers, against a real broker. */
class EventRelayTraceTest {

    @Test
    @DisplayName("an event's traceparent and tracestate go onto its record's headers; an event without them has none")
    void traceContextOnTheRecord() throws Exception {
        String topic = "relay-trace-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.get().kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        var producers = new DefaultKafkaProducerFactory<String, Object>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrap()),
                new StringSerializer(), new EnvelopeSerializer());
        var json = new ObjectMapper().registerModule(new JavaTimeModule());
        var relay = new EventRelay(new KafkaTemplate<>(producers), json,
                new RelayProperties(topic, null, null, null, null, null));
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String traced = UUID.randomUUID().toString();
        String untraced = UUID.randomUUID().toString();

        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        relay.on(event(traced, MetaData.with(Actors.ACTOR, "desk").and(Actors.TRACEPARENT, traceparent)
                .and(Actors.TRACESTATE, "kefu=1")));
        relay.on(event(untraced, MetaData.with(Actors.ACTOR, "desk")));
        unitOfWork.commit();
        producers.destroy();

        ConsumerRecord<String, byte[]> record = Topics.awaitRecord(topic, traced);
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo(traceparent);
        assertThat(new String(record.headers().lastHeader("tracestate").value(), StandardCharsets.UTF_8))
                .isEqualTo("kefu=1");
        assertThat(Topics.awaitRecord(topic, untraced).headers().lastHeader("traceparent")).isNull();
    }

    private static GenericDomainEventMessage<ParcelLogged> event(String parcelId, MetaData metaData) {
        return new GenericDomainEventMessage<>("Parcel", parcelId, 0, new ParcelLogged(parcelId, "P-1",
                ParcelLogged.Kind.BOX, 1, Instant.parse("2026-12-07T02:00:00Z"), LocalDate.of(2026, 12, 7), null,
                List.of()), metaData);
    }
}
