package com.kefu.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.platform.cluster.Instances;
import com.kefu.platform.contracts.EventEnvelope;
import com.kefu.platform.contracts.PublishedEvent;
import com.kefu.platform.contracts.audit.ChainHeadRecordedEvent;
import com.kefu.platform.envelope.EnvelopeDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The service's event-store head, published every {@code kefu.audit.chain-head-interval} on the audit topic as a
 * {@link ChainHeadRecordedEvent} (A1), by one instance at a time ({@link Instances#once}), and read back by the
 * auditors' check. The head covers the events up to the highest global index committed when it was taken, once the
 * transactions running then have ended ({@link EventChain#settledHead}). Its envelope's id is derived from the
 * service and the head, so two instances publishing the same head publish one event.
 */
public class ChainHeads implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChainHeads.class);
    static final String ACTOR = "system:chain-head";
    private static final PublishedEvent CONTRACT = ChainHeadRecordedEvent.class.getAnnotation(PublishedEvent.class);

    private static final EnvelopeDeserializer ENVELOPES = new EnvelopeDeserializer();

    private final EventChain chain;
    private final KafkaTemplate<String, Object> kafka;
    private final Map<String, Object> consumerSettings;
    private final ObjectMapper json;
    private final AuditProperties properties;
    private final Clock clock;
    private final Instances instances;
    private ScheduledExecutorService schedule;

    public ChainHeads(EventChain chain, KafkaTemplate<String, Object> kafka, Map<String, Object> consumerSettings,
                      ObjectMapper json, AuditProperties properties, Clock clock, Instances instances) {
        this.chain = chain;
        this.kafka = kafka;
        this.consumerSettings = consumerSettings;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.instances = instances;
    }

    /**
     * Takes the store's head now and publishes it, waiting for the broker's acknowledgement; empty if another instance
     * is doing it or the head did not settle.
     */
    public Optional<ChainHeadRecordedEvent> record() {
        return instances.once(chain.service() + "-chain-head", () -> chain.settledHead(properties.chainHeadSettle())
                .map(this::publish).orElseGet(() -> {
                    log.warn("the chain head of {} did not settle within {}; published next time", chain.service(),
                            properties.chainHeadSettle());
                    return null;
                }));
    }

    private ChainHeadRecordedEvent publish(EventChain.Head head) {
        Instant now = clock.instant();
        var event = new ChainHeadRecordedEvent(chain.service(), head.events(), head.head(), head.globalIndex(), now);
        UUID id = UUID.nameUUIDFromBytes((chain.service() + "/" + head.globalIndex() + "/" + head.head())
                .getBytes(StandardCharsets.UTF_8));
        var envelope = new EventEnvelope(id, CONTRACT.type(), CONTRACT.version(), chain.service(), head.globalIndex(),
                now, ACTOR, null, json.valueToTree(event));
        try {
            kafka.send(properties.chainHeadTopic(), chain.service(), envelope).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the chain head", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the chain head of " + chain.service(), e);
        }
        log.info("published the chain head of {}: {} events up to {}", chain.service(), head.events(),
                head.globalIndex());
        return event;
    }

    /** Every head this service published that is on the audit topic now, in the topic's order. */
    public List<EventChain.PublishedHead> published() {
        Map<String, Object> settings = new HashMap<>(consumerSettings);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        String topic = properties.chainHeadTopic();
        List<EventChain.PublishedHead> heads = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, properties.chainHeadRead()).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, properties.chainHeadRead());
            long deadline = System.nanoTime() + properties.chainHeadRead().toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within "
                            + properties.chainHeadRead());
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    head(record).ifPresent(heads::add);
                }
            }
        }
        return heads;
    }

    /** A head of this service's, if the record is one; what is not a readable envelope is passed over. */
    private Optional<EventChain.PublishedHead> head(ConsumerRecord<String, byte[]> record) {
        if (!chain.service().equals(record.key())) {
            return Optional.empty();
        }
        EventEnvelope envelope;
        try {
            envelope = ENVELOPES.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            log.warn("passed over a record on {} that is no event envelope: {}", record.topic(), e.getMessage());
            return Optional.empty();
        }
        if (envelope == null || !CONTRACT.type().equals(envelope.type())
                || envelope.version() != CONTRACT.version()) {
            return Optional.empty();
        }
        JsonNode data = envelope.data();
        if (data == null || !chain.service().equals(data.path("service").asText())) {
            return Optional.empty();
        }
        return Optional.of(new EventChain.PublishedHead(data.path("events").asLong(),
                data.path("globalIndex").asLong(), data.path("head").asText(),
                Instant.parse(data.path("recordedAt").asText())));
    }

    @Override
    public synchronized void start() {
        Duration interval = properties.chainHeadInterval();
        schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "chain-heads");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(() -> {
            try {
                record();
            } catch (RuntimeException e) {
                log.warn("could not publish the chain head of {}: {}", chain.service(), e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule != null;
    }
}
