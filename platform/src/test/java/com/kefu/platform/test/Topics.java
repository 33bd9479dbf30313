package com.kefu.platform.test;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/** Reads what really is on a topic of the test JVM's broker, from its beginning, as a fresh consumer. */
public final class Topics {

    private Topics() {
    }

    /** Puts a record on a topic as another service (or a broken one) would, and waits for the broker's ack. */
    public static void publish(String topic, String key, byte[] value) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrap());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    /** The first record with this key; fails after 30 s without one. */
    public static ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
        List<ConsumerRecord<String, byte[]>> found = read(topic, key, Duration.ofSeconds(30), true);
        if (found.isEmpty()) {
            throw new AssertionError("no record with key " + key + " on " + topic);
        }
        return found.get(0);
    }

    /** Every record with this key: waits up to 30 s for the first, then 2 s longer for any that follow. */
    public static List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, String key) {
        List<ConsumerRecord<String, byte[]>> found = read(topic, key, Duration.ofSeconds(30), false);
        if (found.isEmpty()) {
            throw new AssertionError("no record with key " + key + " on " + topic);
        }
        return found;
    }

    /**
     * Every record on the topic up to now, whatever its key, from every partition: all that any consumer of the topic
     * can read (the records of other test classes of this JVM included). Fails after 30 s.
     */
    public static List<ConsumerRecord<String, byte[]>> all(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrap());
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within 30 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(found::add);
            }
        }
        return found;
    }

    private static List<ConsumerRecord<String, byte[]>> read(String topic, String key, Duration window,
                                                            boolean firstOnly) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + window.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        if (firstOnly) {
                            return List.of(record);
                        }
                        if (found.isEmpty()) {
                            deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                        }
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }
}
