package com.kefu.gateway.streams;

import com.kefu.gateway.topics.Envelopes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.platform.contracts.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The departments' streams of one gateway instance. Its {@link TopicFeed} reads {@code complaint.events} from the
 * beginning (to know each complaint's department) and then live; each record's notices go at once to the
 * connections of the departments concerned.
 * <p>
 * A client starts where it says it stands: the positions of its {@code Last-Event-ID}, or the topic's end when it
 * has none. Records between that and where this instance has read ({@code read}) are read again from Kafka by a
 * catch-up on the client's own queue; records after it arrive live. A client ahead of this instance (it came from
 * a faster one) is simply not sent what it already had.
 */
final class DepartmentStreams implements TopicFeed.Handler {

    private static final Logger log = LoggerFactory.getLogger(DepartmentStreams.class);
    private static final Duration CATCH_UP_STALL = Duration.ofSeconds(30);

    private final String topic;
    private final StreamsProperties properties;
    private final Map<String, Object> readerConfig;
    private final ObjectMapper json;
    private final Executor senders;
    private final ComplaintDepartments complaints = new ComplaintDepartments();
    private final Set<DepartmentConnection> connections = ConcurrentHashMap.newKeySet();
    /** Guards {@link #read} together with handing records to the connections. */
    private final Object lock = new Object();
    private Positions read = Positions.none();
    private KafkaConsumer<String, byte[]> offsets;

    DepartmentStreams(StreamsProperties properties, Map<String, Object> readerConfig, ObjectMapper json,
                      Executor senders) {
        this.topic = properties.complaintTopic();
        this.properties = properties;
        this.json = json;
        this.senders = senders;
        Map<String, Object> config = new HashMap<>(readerConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.readerConfig = config;
    }

    @Override
    public void onRecord(ConsumerRecord<String, byte[]> record, Optional<EventEnvelope> envelope) {
        int partition = record.partition();
        long offset = record.offset();
        List<DepartmentNotice> notices = envelope.map(event -> {
            complaints.learn(partition, offset, event);
            return complaints.notices(partition, offset, event);
        }).orElse(List.of());
        synchronized (lock) {
            read = read.with(partition, offset + 1);
            for (DepartmentNotice notice : notices) {
                for (DepartmentConnection connection : connections) {
                    if (connection.department().equals(notice.department())) {
                        connection.record(partition, offset, notice);
                    }
                }
            }
        }
    }

    /** A new stream for {@code department}, from {@code resume} (a {@code Last-Event-ID}) or else from now. */
    SseEmitter open(String department, Positions resume) {
        Positions start = resume != null ? resume : liveEnd();
        SseEmitter emitter = new SseEmitter(properties.maxConnection().toMillis());
        DepartmentConnection connection;
        synchronized (lock) {
            Positions upTo = read;
            if (resume == null) {
                // partitions the end query did not answer for: from where this instance stands
                for (int partition : upTo.next().keySet()) {
                    if (!start.knows(partition)) {
                        start = start.with(partition, upTo.of(partition));
                    }
                }
            }
            connection = new DepartmentConnection(department, start, emitter, json, senders, properties.maxPending());
            connection.onClose(remove(connection));
            connections.add(connection);
            connection.subscribed(resume != null);
            Positions from = start;
            if (upTo.next().keySet().stream().anyMatch(partition -> from.of(partition) < upTo.of(partition))) {
                DepartmentConnection client = connection;
                connection.catchUp(() -> catchUp(client, from, upTo), upTo);
            }
        }
        return emitter;
    }

    private Runnable remove(DepartmentConnection connection) {
        return () -> connections.remove(connection);
    }

    void heartbeat() {
        synchronized (lock) {
            connections.forEach(connection -> connection.heartbeat(read));
        }
    }

    void closeAll() {
        List.copyOf(connections).forEach(SseConnection::close);
        synchronized (this) {
            if (offsets != null) {
                offsets.close(Duration.ofSeconds(2));
                offsets = null;
            }
        }
    }

    /**
     * Reads the records in {@code [from, upTo)} from Kafka and delivers what they tell the client's department, on
     * the client's sender thread (before anything that arrived live after {@code upTo}).
     */
    private void catchUp(DepartmentConnection client, Positions from, Positions upTo) throws IOException {
        Map<TopicPartition, Long> ends = new HashMap<>();
        upTo.next().forEach((partition, end) -> {
            if (from.of(partition) < end) {
                ends.put(new TopicPartition(topic, partition), end);
            }
        });
        try (KafkaConsumer<String, byte[]> kafka = TopicFeed.newConsumer(readerConfig)) {
            kafka.assign(ends.keySet());
            ends.keySet().forEach(partition -> kafka.seek(partition, from.of(partition.partition())));
            Set<TopicPartition> remaining = new HashSet<>(ends.keySet());
            long stalledSince = System.nanoTime();
            while (!remaining.isEmpty() && client.isOpen()) {
                var records = kafka.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.offset() >= ends.get(new TopicPartition(topic, record.partition()))) {
                        continue;
                    }
                    client.deliver(record.partition(), record.offset(), noticeFor(client.department(), record));
                }
                if (!records.isEmpty()) {
                    stalledSince = System.nanoTime();
                }
                for (TopicPartition partition : List.copyOf(remaining)) {
                    if (kafka.position(partition) >= ends.get(partition)) {
                        remaining.remove(partition);
                        kafka.pause(List.of(partition));
                    }
                }
                if (System.nanoTime() - stalledSince > CATCH_UP_STALL.toNanos()) {
                    throw new IOException("catching up on " + topic + " made no progress for " + CATCH_UP_STALL);
                }
            }
        }
    }

    private DepartmentNotice noticeFor(String department, ConsumerRecord<String, byte[]> record) {
        Optional<EventEnvelope> envelope = Envelopes.read(record);
        if (envelope.isEmpty()) {
            return null;
        }
        return complaints.notices(record.partition(), record.offset(), envelope.get()).stream()
                .filter(notice -> notice.department().equals(department))
                .findFirst().orElse(null);
    }

    /** Where the topic ends now; if the broker does not answer in time, where this instance has read. */
    private Positions liveEnd() {
        try {
            synchronized (this) {
                if (offsets == null) {
                    offsets = TopicFeed.newConsumer(readerConfig);
                }
                List<PartitionInfo> partitions = offsets.partitionsFor(topic, Duration.ofSeconds(5));
                Map<Integer, Long> ends = new TreeMap<>();
                offsets.endOffsets(partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList(),
                        Duration.ofSeconds(5)).forEach((partition, end) -> ends.put(partition.partition(), end));
                return new Positions(ends);
            }
        } catch (RuntimeException e) {
            log.warn("the end of {} is unknown ({}); a new stream starts where this gateway has read", topic,
                    e.getMessage());
            synchronized (lock) {
                return read;
            }
        }
    }

    /** The streams open now ({@code kefu.streams.connections}). */
    int openConnections() {
        return connections.size();
    }
}
