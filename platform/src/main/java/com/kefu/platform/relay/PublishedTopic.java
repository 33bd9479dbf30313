package com.kefu.platform.relay;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Before the service takes a request: the topic it publishes on exists and is fit to be the trail every other service,
 * dashboard and auditor reads (R4). It keeps every event ({@code retention.ms} -1), has the partitions the service
 * publishes on, and as many copies ({@code replication.factor}, {@code min.insync.replicas}) as {@code kefu.relay}
 * asks. Kafka's own admin creates a missing topic and sets its retention first ({@code spring.kafka.admin}); a topic
 * that is still not fit stops the service with what is wrong, instead of a service that publishes into a topic that
 * forgets its events after a week. The broker may still be starting: it is waited for, up to
 * {@code kefu.relay.topic-check}.
 */
public class PublishedTopic implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PublishedTopic.class);

    private final KafkaAdmin kafkaAdmin;
    private final RelayProperties properties;
    private final String topic;

    PublishedTopic(KafkaAdmin kafkaAdmin, RelayProperties properties) {
        this(kafkaAdmin, properties, properties.topic());
    }

    /** The check of another topic the service publishes on (the audit topic, A1), with the same settings. */
    public PublishedTopic(KafkaAdmin kafkaAdmin, RelayProperties properties, String topic) {
        this.kafkaAdmin = kafkaAdmin;
        this.properties = properties;
        this.topic = topic;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> unfit = check();
        if (!unfit.isEmpty()) {
            throw new IllegalStateException("the topic " + topic + " is not fit to publish on: "
                    + String.join("; ", unfit) + ". Create or alter it with these settings (kafka-topics.sh / "
                    + "kafka-configs.sh, or the KafkaTopic resource), or let the service create it");
        }
        log.info("publishing on {}: every event kept, {} partitions, {} copies, {} in sync", topic,
                properties.partitions(), properties.replicationFactor(), properties.minInsyncReplicas());
    }

    /** What is wrong with the topic; empty when it is fit. */
    List<String> check() {
        long deadline = System.nanoTime() + properties.topicCheck().toNanos();
        while (true) {
            try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
                kafkaAdmin.initialize();
                return unfit(admin);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot check the topic " + topic + " within "
                            + properties.topicCheck() + ": " + e.getMessage(), e);
                }
                log.warn("the broker cannot tell about {} yet ({}); asking again", topic, e.toString());
                pause(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while checking the topic " + topic, e);
            }
        }
    }

    private List<String> unfit(Admin admin) throws ExecutionException, TimeoutException, InterruptedException {
        long timeout = properties.topicCheck().toMillis();
        Map<String, TopicDescription> topics = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(timeout, TimeUnit.MILLISECONDS);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(timeout, TimeUnit.MILLISECONDS)
                .get(resource);
        TopicDescription description = topics.get(topic);
        List<String> unfit = new ArrayList<>();
        String retention = value(config, TopicConfig.RETENTION_MS_CONFIG);
        if (!"-1".equals(retention)) {
            unfit.add("retention.ms is " + retention + ", not -1 (keep every event)");
        }
        String retentionBytes = value(config, TopicConfig.RETENTION_BYTES_CONFIG);
        if (!"-1".equals(retentionBytes)) {
            unfit.add("retention.bytes is " + retentionBytes + ", not -1");
        }
        if (description.partitions().size() != properties.partitions()) {
            unfit.add(description.partitions().size() + " partitions, not " + properties.partitions());
        }
        int copies = description.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
        if (copies < properties.replicationFactor()) {
            unfit.add("replication factor " + copies + ", not at least " + properties.replicationFactor());
        }
        String inSync = value(config, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
        if (inSync == null || Integer.parseInt(inSync) < properties.minInsyncReplicas()) {
            unfit.add("min.insync.replicas is " + inSync + ", not at least " + properties.minInsyncReplicas());
        }
        return unfit;
    }

    private static String value(Config config, String name) {
        ConfigEntry entry = config.get(name);
        return entry == null ? null : entry.value();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }
}
