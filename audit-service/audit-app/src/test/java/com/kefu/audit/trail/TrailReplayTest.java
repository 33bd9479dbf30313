package com.kefu.audit.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.audit.Publisher;
import com.kefu.broadcast.api.BroadcastTopics;
import com.kefu.broadcast.api.ScriptDraftedEvent;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintTopics;
import com.kefu.complaint.api.Priority;
import com.kefu.dutylog.api.DutylogTopics;
import com.kefu.dutylog.api.ShiftOpenedEvent;
import com.kefu.membership.api.MemberRegisteredEvent;
import com.kefu.membership.api.MembershipTopics;
import com.kefu.membership.api.Tier;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import com.kefu.platform.test.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A2 the topics are the whole trail: audit-service's read model wiped and every topic read again from offset 0 gives
 * the same trail, event for event (the SHA-256 of every event's id and data in the trail's order, read through the
 * API, is the same as before) — also while another instance of audit-service reads some of the topics' partitions (R6).
 */
class TrailReplayTest extends ServiceTest {

    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");

    @Autowired
    MutableClock clock;

    @Autowired
    TrailListener listener;

    @Autowired
    Trail trail;

    @Value("${spring.kafka.consumer.group-id}")
    String group;

    @Test
    @DisplayName("A2 R6 the trail wiped and replayed from the topics from offset 0 has the same checksum as before, whichever instance reads which partition")
    void replayGivesTheSameTrail() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String actor = "replay-" + run;
        Instant t0 = clock.instant();
        for (int i = 0; i < 5; i++) {
            String complaint = UUID.randomUUID().toString();
            Publisher.publish(ComplaintTopics.EVENTS, complaint, 1, actor, t0.plusSeconds(i),
                    new ComplaintAssignedEvent(complaint, "KF-202601-0000" + i, "security", null, Priority.HIGH, actor,
                            t0.plusSeconds(i)));
            String shift = UUID.randomUUID().toString();
            Publisher.publish(DutylogTopics.EVENTS, shift, 0, actor, t0.plusSeconds(i),
                    new ShiftOpenedEvent(shift, "front-desk", LocalDate.of(2026, 1, 15), actor, t0.plusSeconds(i)));
            String script = UUID.randomUUID().toString();
            Publisher.publish(BroadcastTopics.EVENTS, script, 0, actor, t0.plusSeconds(i),
                    new ScriptDraftedEvent(script, 1, "寻人", "notices", "请注意", "Внимание", actor, t0.plusSeconds(i)));
            String member = UUID.randomUUID().toString();
            Publisher.publish(MembershipTopics.EVENTS, member, 0, actor, t0.plusSeconds(i),
                    new MemberRegisteredEvent(member, "800000000001", "王芳", "138****5678", Tier.REGULAR, actor,
                            t0.plusSeconds(i)));
        }
        awaitTotal("actor=" + actor, 20);
        long events = awaitSettled();
        String before = checksum(events);

        try (SecondInstance second = new SecondInstance(group)) {
            trail.wipe(TrailListener.CONSUMER);
            assertThat(total("")).as("wiped").isZero();
            assertThat(listener.replay()).as("recorded again").isEqualTo(events);
        }
        assertThat(total("")).isEqualTo(events);
        assertThat(checksum(events)).isEqualTo(before);
        assertThat(total("actor=" + actor)).isEqualTo(20);
    }

    /**
     * Another instance of audit-service as the broker sees it (R6): a member of its consumer group holding some of
     * the topics' partitions (it reads nothing and commits nothing), so this instance's listener no longer reads them.
     */
    private static final class SecondInstance implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicBoolean assigned = new AtomicBoolean();
        private final Thread thread;

        SecondInstance(String group) {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrap());
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            thread = new Thread(() -> {
                try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
                    consumer.subscribe(List.of(ComplaintTopics.EVENTS, DutylogTopics.EVENTS, BroadcastTopics.EVENTS,
                            MembershipTopics.EVENTS));
                    while (running.get()) {
                        consumer.poll(Duration.ofMillis(200));
                        assigned.set(!consumer.assignment().isEmpty());
                    }
                }
            }, "second-audit-instance");
            thread.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!assigned.get()) {
                assertThat(System.nanoTime()).as("the second instance holds partitions").isLessThan(deadline);
                pause(Duration.ofMillis(200));
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    /** The trail's size once it stops growing: every record on the topics up to now taken. */
    private long awaitSettled() {
        long last = -1;
        long now = total("");
        while (now != last) {
            last = now;
            pause(Duration.ofSeconds(2));
            now = total("");
        }
        return now;
    }

    private String checksum(long events) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        int size = 500;
        for (int page = 0; (long) page * size < events; page++) {
            for (JsonNode item : get("size=" + size + "&page=" + page).path("items")) {
                digest.update(item.path("id").asText().getBytes(StandardCharsets.UTF_8));
                digest.update(item.path("data").toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void awaitTotal(String query, long count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (total(query) < count) {
            assertThat(System.nanoTime()).as("%s reaches %d", query, count).isLessThan(deadline);
            pause(Duration.ofMillis(200));
        }
        assertThat(total(query)).isEqualTo(count);
    }

    private long total(String query) {
        return get(query + "&size=1").path("total").asLong();
    }

    private JsonNode get(String query) {
        var answer = api().get().uri("/api/audit/trail?" + query).header("Authorization", AUDITOR).retrieve()
                .toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().value()).as(query).isEqualTo(200);
        return answer.getBody();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
