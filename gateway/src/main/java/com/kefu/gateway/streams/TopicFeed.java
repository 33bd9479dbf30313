package com.kefu.gateway.streams;

import com.kefu.gateway.topics.Envelopes;
import com.kefu.platform.contracts.EventEnvelope;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads topics from their beginning, then follows them, handing every record in order to the {@link Handler}s of its
 * topic, its envelope read once for all of them. One feed serves all the gateway's live streams: each more reader of a
 * topic cost the gateway a fetch and a parse of every event, and the broker a fetch to answer (four readers took a
 * quarter of the gateway's CPU under intake load). It is a spring-kafka listener container (its thread, poll loop and
 * lifecycle) in a consumer group of its own ({@code gateway-streams-<instance>}) that commits nothing: each gateway
 * instance reads every partition itself and keeps what it built in memory. Should the group ever rebalance, each
 * partition goes on from the record after the last one handled, so nothing is handled twice.
 */
final class TopicFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicFeed.class);
    /** How long a poll waits for records, and how long without any before the handlers hear of a quiet poll. */
    private static final long POLL_MILLIS = 500;

    /** What the feed hands records to; called on the feed's thread only. */
    interface Handler {

        /** A record of a topic the handler reads, and its envelope (empty if the record is none). */
        void onRecord(ConsumerRecord<String, byte[]> record, Optional<EventEnvelope> envelope);

        /** After each poll's records, and every half second while no record comes. */
        default void afterPoll() {
        }
    }

    private final String group;
    private final Map<String, List<Handler>> handlers = new LinkedHashMap<>();
    private final Set<Handler> all = new LinkedHashSet<>();
    private final Map<String, Object> consumerConfig;
    private final Map<TopicPartition, Long> handled = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> endAtStart = new ConcurrentHashMap<>();
    private volatile boolean caughtUp;
    private KafkaMessageListenerContainer<String, byte[]> container;

    TopicFeed(String group, Map<String, Object> kafkaConsumerConfig) {
        this.group = group;
        Map<String, Object> config = new HashMap<>(kafkaConsumerConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a topic the gateway asks for before its service made it must not be made here, with the broker's defaults
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.consumerConfig = config;
    }

    /** Kafka settings for the gateway's own readers: Spring's, without what only Spring's listeners understand. */
    static Map<String, Object> readerConfig(Map<String, Object> springConsumerConfig) {
        Map<String, Object> config = new HashMap<>(springConsumerConfig);
        config.keySet().removeIf(key -> key.startsWith("spring."));
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return config;
    }

    static KafkaConsumer<String, byte[]> newConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** {@code handler} gets every record of {@code topics}, in order; before {@link #start()} only. */
    TopicFeed handle(Handler handler, String... topics) {
        for (String topic : topics) {
            handlers.computeIfAbsent(topic, t -> new ArrayList<>()).add(handler);
        }
        all.add(handler);
        return this;
    }

    /** True once every partition assigned at start has been read up to where it ended then. */
    boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public synchronized void start() {
        ContainerProperties properties = new ContainerProperties(handlers.keySet().toArray(String[]::new));
        properties.setGroupId(group);
        properties.setClientId(group);
        properties.setPollTimeout(POLL_MILLIS);
        properties.setAckMode(ContainerProperties.AckMode.MANUAL); // and never acknowledged: nothing is committed
        properties.setIdleEventInterval(POLL_MILLIS);
        properties.setIdleBeforeDataMultiplier(1);
        properties.setConsumerRebalanceListener(new FromWhereWeWere());
        properties.setMessageListener((BatchConsumerAwareMessageListener<String, byte[]>) this::onRecords);
        container = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(consumerConfig,
                new StringDeserializer(), new ByteArrayDeserializer()), properties);
        container.setBeanName(group);
        // the container tells of a quiet poll by an event, on its own thread: the handlers hear of it as of a poll
        container.setApplicationEventPublisher(event -> {
            if (event instanceof ListenerContainerIdleEvent idle) {
                afterPoll(idle.getConsumer());
            }
        });
        container.start();
    }

    @Override
    public synchronized void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return container != null && container.isRunning();
    }

    private void onRecords(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<EventEnvelope> envelope = Envelopes.read(record);
            for (Handler handler : handlers.getOrDefault(record.topic(), List.of())) {
                try {
                    handler.onRecord(record, envelope);
                } catch (RuntimeException e) {
                    log.error("{}: record {}-{}@{} could not be handled by {}; it is skipped there", group,
                            record.topic(), record.partition(), record.offset(), handler.getClass().getSimpleName(),
                            e);
                }
            }
            handled.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
        afterPoll(consumer);
    }

    private void afterPoll(Consumer<?, ?> consumer) {
        all.forEach(Handler::afterPoll);
        if (!caughtUp) {
            checkCaughtUp(consumer);
        }
    }

    private void checkCaughtUp(Consumer<?, ?> consumer) {
        if (endAtStart.isEmpty()) {
            return;
        }
        for (Map.Entry<TopicPartition, Long> end : endAtStart.entrySet()) {
            if (!consumer.assignment().contains(end.getKey()) || consumer.position(end.getKey()) < end.getValue()) {
                return;
            }
        }
        caughtUp = true;
        log.info("{} has read {} up to where they ended at start", group, handlers.keySet());
    }

    /** On assignment: each partition from the record after the last one handled, else from its beginning. */
    private final class FromWhereWeWere implements ConsumerAwareRebalanceListener {

        @Override
        public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                Long next = handled.get(partition);
                if (next == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, next);
                }
            }
            if (!caughtUp) {
                consumer.endOffsets(partitions).forEach(endAtStart::putIfAbsent);
            }
        }
    }
}
