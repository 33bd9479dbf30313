package com.kefu.gateway.streams;

import com.kefu.gateway.topics.Envelopes;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.kefu.platform.contracts.EventEnvelope;
import com.kefu.platform.time.MallProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The auditors' topic copy (A3), a command-line tool (deploy/tools/topic-copy.sh runs it from the gateway's jar):
 * copies a topic, several, or all of them, from any offset (or the first record at or after an instant) to their end
 * as they are when it starts, into a JSON-lines file — one record a line: topic, partition, offset, timestamp, key
 * and the value (the event's envelope as JSON, or its text when it is not JSON) — and rebuilds the managers'
 * dashboard figures from the events topics alone, with the gateway's own {@link DashboardFigures}: what the live
 * dashboard shows, computed from nothing but the topics.
 *
 * <pre>
 * topic-copy.sh --bootstrap 127.0.0.1:19092 --topic all --from-offset 0 --out topics.jsonl \
 *               --figures figures.json --as-of 2026-12-07T10:00:00Z
 * </pre>
 */
public final class TopicCopy {

    /** The topics the dashboard's figures come from (the gateway's streams read these). */
    static final List<String> EVENT_TOPICS = List.of("complaint.events", "dutylog.events", "broadcast.events",
            "membership.events");

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    record Options(String bootstrap, List<String> topics, long fromOffset, Instant fromTime, Path out, Path figures,
                   Instant asOf, ZoneId zone) {
    }

    private TopicCopy() {
    }

    public static void main(String[] args) throws IOException {
        // a tool's output, not a service's log: the Kafka client's chatter stays out of it
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: topic-copy.sh [--bootstrap host:port] --topic NAME|all [--topic …] "
                    + "[--from-offset N | --from-time ISO-8601] [--out FILE.jsonl] [--figures FILE.json "
                    + "[--as-of ISO-8601] [--zone Asia/Shanghai]]");
            System.exit(2);
            return;
        }
        long copied = copy(options);
        System.err.println("copied " + copied + " records of " + options.topics() + " to "
                + (options.out() == null ? "standard output" : options.out()));
    }

    static Options parse(String[] args) {
        String bootstrap = "127.0.0.1:19092";
        List<String> topics = new ArrayList<>();
        long fromOffset = 0;
        Instant fromTime = null;
        Path out = null;
        Path figures = null;
        Instant asOf = null;
        ZoneId zone = MallProperties.DEFAULT_ZONE;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + ": needs a value");
            }
            String value = args[++i];
            try {
                switch (name) {
                    case "--bootstrap" -> bootstrap = value;
                    case "--topic" -> topics.add(value);
                    case "--from-offset" -> fromOffset = Long.parseLong(value);
                    case "--from-time" -> fromTime = Instant.parse(value);
                    case "--out" -> out = Path.of(value);
                    case "--figures" -> figures = Path.of(value);
                    case "--as-of" -> asOf = Instant.parse(value);
                    case "--zone" -> zone = ZoneId.of(value);
                    default -> throw new IllegalArgumentException(name + ": no such option");
                }
            } catch (RuntimeException e) {
                if (e instanceof IllegalArgumentException && e.getMessage() != null
                        && e.getMessage().startsWith(name)) {
                    throw e;
                }
                throw new IllegalArgumentException(name + ": " + value + " is not valid (" + e.getMessage() + ")");
            }
        }
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("--topic: name a topic, several, or all");
        }
        if (figures != null && asOf == null) {
            // the figures count today's missed deadlines: the instant they are as of is the caller's to give
            throw new IllegalArgumentException("--as-of: the figures need the instant they are as of");
        }
        if (fromOffset < 0) {
            throw new IllegalArgumentException("--from-offset: " + fromOffset + " is below 0");
        }
        return new Options(bootstrap, List.copyOf(topics), fromOffset, fromTime, out, figures, asOf, zone);
    }

    /** Copies the records and writes the figures if asked; answers how many records it copied. */
    static long copy(Options options) throws IOException {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        DashboardFigures figures = new DashboardFigures(options.zone());
        long copied = 0;
        try (var consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
             OutputStream out = options.out() == null ? System.out
                     : new BufferedOutputStream(Files.newOutputStream(options.out()))) {
            List<TopicPartition> partitions = partitions(consumer, options.topics());
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            seek(consumer, partitions, options);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    JSON.writeValue(out, line(record));
                    out.write('\n');
                    copied++;
                    if (EVENT_TOPICS.contains(record.topic())) {
                        Envelopes.read(record).ifPresent(figures::apply);
                    }
                }
            }
            out.flush();
        }
        if (options.figures() != null) {
            Files.write(options.figures(), JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(figures.snapshot(options.asOf(), true)));
        }
        return copied;
    }

    /** The partitions of the topics named; {@code all}: every topic but Kafka's own. */
    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, List<String> named) {
        TreeSet<String> topics = new TreeSet<>();
        Map<String, List<org.apache.kafka.common.PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(30));
        for (String topic : named) {
            if (topic.equals("all")) {
                existing.keySet().stream().filter(name -> !name.startsWith("__")).forEach(topics::add);
            } else if (existing.containsKey(topic)) {
                topics.add(topic);
            } else {
                throw new IllegalArgumentException("--topic: no topic " + topic + " on the broker");
            }
        }
        List<TopicPartition> partitions = new ArrayList<>();
        topics.forEach(topic -> existing.get(topic).forEach(partition ->
                partitions.add(new TopicPartition(topic, partition.partition()))));
        return partitions;
    }

    private static void seek(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
                             Options options) {
        if (options.fromTime() != null) {
            Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(partition -> times.put(partition, options.fromTime().toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times, Duration.ofSeconds(30));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            partitions.forEach(partition -> consumer.seek(partition, Optional.ofNullable(found.get(partition))
                    .map(OffsetAndTimestamp::offset).orElse(end.get(partition))));
            return;
        }
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
        partitions.forEach(partition -> consumer.seek(partition,
                Math.max(options.fromOffset(), beginning.get(partition))));
    }

    private static JsonNode line(ConsumerRecord<String, byte[]> record) {
        ObjectNode line = JSON.createObjectNode();
        line.put("topic", record.topic());
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        line.put("key", record.key());
        if (record.value() == null) {
            line.putNull("value");
        } else {
            try {
                line.set("value", JSON.readTree(record.value()));
            } catch (IOException e) {
                line.put("value", new String(record.value(), StandardCharsets.UTF_8));
            }
        }
        return line;
    }
}
