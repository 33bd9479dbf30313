package com.kefu.audit.trail;

import com.kefu.broadcast.api.BroadcastTopics;
import com.kefu.complaint.api.ComplaintTopics;
import com.kefu.dutylog.api.DutylogTopics;
import com.kefu.membership.api.MembershipTopics;
import com.kefu.platform.contracts.EventEnvelope;
import com.kefu.platform.contracts.accounts.AccountTopics;
import com.kefu.platform.messaging.ProcessedEvents;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Feeds the trail from every topic a service publishes on (the gateway's account events too), from offset 0, in
 * audit-service's own consumer group (A2):
 * each event once however often it is delivered ({@link ProcessedEvents}); a record that cannot be read goes to its
 * topic's dead-letter topic (the platform's consumers). {@link #replay} empties the trail and reads every topic again
 * from its beginning. Instances of audit-service share the topics' partitions in one consumer group (R6).
 */
@Component
public class TrailListener {

    static final String CONSUMER = "audit.trail";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final LogAccessor LOG = new LogAccessor(TrailListener.class);

    private final ProcessedEvents processed;
    private final Trail trail;
    private final ConsumerFactory<String, EventEnvelope> consumers;
    private final List<String> topics;

    @SuppressWarnings("unchecked") // the platform's consumers: String keys, envelopes as values (kefu-defaults.yml)
    TrailListener(ProcessedEvents processed, Trail trail, ConsumerFactory<?, ?> consumers,
                  @Value("${kefu.audit.chain-head-topic:audit.chain-heads}") String chainHeads) {
        this.processed = processed;
        this.trail = trail;
        this.consumers = (ConsumerFactory<String, EventEnvelope>) consumers;
        this.topics = List.of(ComplaintTopics.EVENTS, DutylogTopics.EVENTS, BroadcastTopics.EVENTS,
                MembershipTopics.EVENTS, AccountTopics.EVENTS, chainHeads);
    }

    /**
     * A poll's records in one transaction (A2 under load: one commit and one statement per table for the batch, where
     * each event cost a transaction of its own). A record that cannot be read ends the batch there: the records before
     * it are recorded, it goes to the dead-letter topic. When the batch's transaction fails, its records are taken one
     * by one, so that the one that fails is named and retried alone (for ever while the database is down) and the ones
     * before it are kept.
     */
    @KafkaListener(id = "audit-trail", idIsGroup = false, batch = "true", topics = {ComplaintTopics.EVENTS,
            DutylogTopics.EVENTS, BroadcastTopics.EVENTS, MembershipTopics.EVENTS, AccountTopics.EVENTS,
            "${kefu.audit.chain-head-topic:audit.chain-heads}"})
    void on(List<ConsumerRecord<String, EventEnvelope>> records) {
        int readable = 0;
        while (readable < records.size() && records.get(readable).value() != null) {
            readable++;
        }
        List<ConsumerRecord<String, EventEnvelope>> batch = records.subList(0, readable);
        try {
            record(batch);
        } catch (RuntimeException batchFailed) {
            for (int i = 0; i < batch.size(); i++) {
                try {
                    record(batch.subList(i, i + 1));
                } catch (RuntimeException failed) {
                    throw new BatchListenerFailedException("the trail could not record it", failed, i);
                }
            }
        }
        if (readable < records.size()) {
            ConsumerRecord<String, EventEnvelope> unreadable = records.get(readable);
            throw new BatchListenerFailedException("not an event envelope", SerializationUtils.getExceptionFromHeader(
                    unreadable, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG), readable);
        }
    }

    private int record(List<ConsumerRecord<String, EventEnvelope>> records) {
        Map<EventEnvelope, String> topics = new IdentityHashMap<>();
        records.forEach(record -> topics.put(record.value(), record.topic()));
        return processed.onceEach(CONSUMER, records.stream().map(ConsumerRecord::value).toList(),
                events -> trail.record(events, topics::get));
    }

    /**
     * The trail wiped and read again from every topic's first record: what the topics hold is the whole trail. Every
     * partition of every topic is read here, up to its end as it was once wiped, whichever instance's listener reads
     * that partition (R6): what the listeners take meanwhile counts once, as everything does ({@link ProcessedEvents}).
     * A record that cannot be read is not in the trail, as when it first came (it is on the dead-letter topic).
     *
     * @return how many events were recorded again
     */
    public long replay() {
        trail.wipe(CONSUMER);
        Properties alone = new Properties();
        alone.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"); // assigned, not in the group: commits nothing
        try (Consumer<String, EventEnvelope> consumer = consumers.createConsumer(null, "audit-replay", null, alone)) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(partition -> new TopicPartition(topic, partition.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long recorded = 0;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                List<ConsumerRecord<String, EventEnvelope>> wiped = new ArrayList<>();
                for (ConsumerRecord<String, EventEnvelope> record : consumer.poll(POLL)) {
                    if (record.value() != null && record.offset() < ends.get(new TopicPartition(record.topic(),
                            record.partition()))) {
                        wiped.add(record);
                    }
                }
                recorded += record(wiped);
            }
            return recorded;
        }
    }
}
