package com.kefu.platform.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kefu.platform.contracts.DepartmentScoped;
import com.kefu.platform.contracts.EventEnvelope;
import com.kefu.platform.contracts.PublishedEvent;
import com.kefu.platform.privacy.PersonalFields;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the service's own events from its event store to Kafka: the event store is the outbox.
 * <p>
 * It runs as a tracking processor ({@value #PROCESSING_GROUP}) with batches: every event of a
 * batch is sent without waiting, and the batch's unit of work waits for all acknowledgements before it
 * commits, which is when the processor's token moves. A send that fails (broker down, timeout) fails the
 * batch: the token stays, the processor retries the batch later, nothing is skipped. Events may then be
 * published twice; the envelope's id lets consumers ignore the second copy.
 */
@ProcessingGroup(EventRelay.PROCESSING_GROUP)
public class EventRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";
    private static final String PENDING = EventRelay.class.getName() + ".pending";

    private final KafkaTemplate<String, Object> kafka;
    private final ObjectMapper json;
    private final RelayProperties properties;

    public EventRelay(KafkaTemplate<String, Object> kafka, ObjectMapper json, RelayProperties properties) {
        this.kafka = kafka;
        this.json = json;
        this.properties = properties;
    }

    /**
     * Takes the message, not its payload: an event that is not published is passed over by its stored type alone,
     * never deserialized (nor its personal data decrypted).
     */
    @EventHandler
    public void on(EventMessage<?> event) {
        PublishedEvent contract = event.getPayloadType().getAnnotation(PublishedEvent.class);
        if (contract == null) {
            return;
        }
        EventEnvelope envelope = envelope(event.getPayload(), event, contract);
        var record = new ProducerRecord<String, Object>(properties.topic(), envelope.aggregateId(), envelope);
        traceContext(event, record);
        List<CompletableFuture<?>> sends = pendingSends();
        // once one send of the batch failed the batch will be sent again: stop here instead of waiting
        // for the broker once per remaining event
        if (!sends.isEmpty() && sends.get(sends.size() - 1).isCompletedExceptionally()) {
            awaitAcknowledgements(sends);
        }
        sends.add(kafka.send(record));
    }

    /**
     * The trace context of the request that caused the event ({@code traceparent}, {@code tracestate} in its metadata)
     * on the record's headers, where a consumer's listener observation picks it up: its logs and the events it causes
     * carry the same trace id.
     */
    private static void traceContext(EventMessage<?> event, ProducerRecord<String, Object> record) {
        for (String field : Actors.TRACE_FIELDS) {
            if (event.getMetaData().get(field) instanceof String value) {
                record.headers().add(field, value.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private EventEnvelope envelope(Object payload, EventMessage<?> event, PublishedEvent contract) {
        String aggregateId = null;
        long sequence = 0;
        if (event instanceof DomainEventMessage<?> domainEvent) {
            aggregateId = domainEvent.getAggregateIdentifier();
            sequence = domainEvent.getSequenceNumber();
        }
        String department = payload instanceof DepartmentScoped scoped ? scoped.department() : null;
        JsonNode data = json.valueToTree(payload);
        // personal data leaves the service masked only (S1, S5), each text as what it is: never in clear; what the
        // service keeps to itself does not leave it at all
        if (data instanceof ObjectNode fields) {
            PersonalFields.of(payload.getClass()).forTopic(fields);
        }
        return new EventEnvelope(
                UUID.fromString(event.getIdentifier()),
                contract.type(),
                contract.version(),
                aggregateId,
                sequence,
                event.getTimestamp(),
                (String) event.getMetaData().get(Actors.ACTOR),
                department,
                data);
    }

    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<CompletableFuture<?>> sends) {
        kafka.flush();
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                             .get(properties.acknowledgement().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayFailedException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RelayFailedException(
                    "the broker did not acknowledge a batch of " + sends.size() + " events; it will be sent again", e);
        }
    }

    /** A batch the broker did not acknowledge; the processor retries it. */
    public static class RelayFailedException extends RuntimeException {
        RelayFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
