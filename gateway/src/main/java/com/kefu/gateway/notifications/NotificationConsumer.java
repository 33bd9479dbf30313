package com.kefu.gateway.notifications;

import com.kefu.gateway.topics.Envelopes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.FixedBackOff;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads the events that may call for a notification in one consumer group for all the gateway's instances
 * ({@code kefu.notifications.group}): each event is handled by one instance, from the group's committed offset, so a
 * restart or another instance goes on where the last one stopped. The offset is committed only once the event's rows
 * are written: an event is never lost, and one read twice (after a crash before the commit) writes nothing twice (the
 * rows' unique key). While the database cannot be written the same record is tried again every 5 s; the services
 * that published it do not wait for any of this.
 * <p>
 * A group that has no committed offset yet (the first start of a new installation, or a renamed group) starts at the
 * topics' end, not at their beginning: the topics keep every event for ever, and starting at 0 would send the staff
 * an e-mail for every assignment, deadline and fire of the mall's whole past.
 */
class NotificationConsumer implements SmartLifecycle {

    private static final long RETRY_MILLIS = 5_000;

    private final NotificationProperties properties;
    private final Map<String, Object> consumerConfig;
    private final NotificationRecorder recorder;
    private KafkaMessageListenerContainer<String, byte[]> container;

    NotificationConsumer(NotificationProperties properties, Map<String, Object> kafkaConsumerConfig,
                         NotificationRecorder recorder) {
        this.properties = properties;
        this.recorder = recorder;
        Map<String, Object> config = new HashMap<>(kafkaConsumerConfig);
        config.keySet().removeIf(key -> key.startsWith("spring."));
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.group());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // a topic the gateway asks for before its service made it must not be made here, with the broker's defaults
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.consumerConfig = config;
    }

    void onRecord(ConsumerRecord<String, byte[]> record) {
        Envelopes.read(record).flatMap(Occurrence::of).ifPresent(recorder::record);
    }

    /** Whether the group gave this instance partitions to read (tests wait for it before they publish). */
    boolean reading() {
        var running = container;
        return running != null && running.getAssignedPartitions() != null
                && !running.getAssignedPartitions().isEmpty();
    }

    @Override
    public synchronized void start() {
        ContainerProperties container = new ContainerProperties(properties.topics().toArray(String[]::new));
        container.setGroupId(properties.group());
        container.setClientId(properties.group());
        container.setAckMode(ContainerProperties.AckMode.RECORD);
        container.setMessageListener((MessageListener<String, byte[]>) this::onRecord);
        this.container = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(consumerConfig,
                new StringDeserializer(), new ByteArrayDeserializer()), container);
        this.container.setBeanName(properties.group());
        // the database away: the same record again and again, never skipped (its notifications would be lost)
        this.container.setCommonErrorHandler(new DefaultErrorHandler(
                new FixedBackOff(RETRY_MILLIS, FixedBackOff.UNLIMITED_ATTEMPTS)));
        this.container.start();
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
}
