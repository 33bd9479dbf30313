package com.kefu.complaint.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.complaint.Complaints;
import com.kefu.platform.audit.EventChain;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import com.kefu.platform.test.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A1 complaint-service publishes its event store's head on its own (here every second) on the audit topic, and the
 * auditors' check holds the store against the heads it published: a store rewritten from some event on, its chain
 * hashes recomputed in SQL so that every history checks out on its own, is found, and the first event after the last
 * head it still passes through is named.
 */
@TestPropertySource(properties = "kefu.audit.chain-head-interval=1s")
class ChainHeadTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventChain chain;

    @Value("${kefu.audit.chain-head-topic}")
    String topic;

    @Test
    @DisplayName("A1 the published chain head catches a store rewritten from some event on with its hashes recomputed")
    void aRewrittenStoreNoLongerPassesThroughItsPublishedHead() {
        register("head 1");
        register("head 2");
        JsonNode first = awaitHeadCovering(top());
        assertThat(first.path("service").asText()).isEqualTo("complaint");
        assertThat(first.path("events").asLong()).isEqualTo(count(first.path("globalIndex").asLong()));
        assertThat(first.path("head").asText()).isEqualTo(chain.head(first.path("globalIndex").asLong()).head());
        JsonNode intact = verify();
        assertThat(intact.path("intact").asBoolean()).isTrue();
        assertThat(intact.path("published").path("heads").asInt()).isPositive();
        assertThat(intact.path("published").path("firstNotPassed").isMissingNode()
                || intact.path("published").path("firstNotPassed").isNull()).isTrue();

        long covered = first.path("globalIndex").asLong();
        String third = register("head 3");
        register("head 4");
        awaitHeadCovering(top());

        // every event after the first head rewritten, the triggers out of the way, and every chain hash from there
        // on recomputed as the trigger would have: each history checks out on its own
        Map<String, Object> firstRewritten = jdbc.queryForMap("select global_index, aggregate_identifier "
                + "from domain_event_entry where global_index > ? order by global_index limit 1", covered);
        assertThat(firstRewritten.get("aggregate_identifier")).isEqualTo(third);
        jdbc.execute("alter table domain_event_entry disable trigger user");
        jdbc.update("update domain_event_entry set payload = payload || ' '::bytea where global_index > ?", covered);
        jdbc.execute("""
                do $$
                declare
                    rewritten record;
                begin
                    for rewritten in select global_index from domain_event_entry where global_index > %d
                                     order by global_index loop
                        update domain_event_entry e
                        set chain_hash = kefu_event_digest((select p.chain_hash from domain_event_entry p
                                                            where p.aggregate_identifier = e.aggregate_identifier
                                                              and p.sequence_number = e.sequence_number - 1), e)
                        where e.global_index = rewritten.global_index;
                    end loop;
                end
                $$""".formatted(covered));
        jdbc.execute("alter table domain_event_entry enable trigger user");
        assertThat(chain.verify().intact()).as("every history checks out on its own").isTrue();

        JsonNode rewritten = verify();
        assertThat(rewritten.path("intact").asBoolean()).isFalse();
        assertThat(rewritten.path("firstBroken").path("globalIndex").asLong())
                .isEqualTo(((Number) firstRewritten.get("global_index")).longValue());
        assertThat(rewritten.path("firstBroken").path("aggregateId").asText()).isEqualTo(third);
        assertThat(rewritten.path("published").path("firstNotPassed").path("globalIndex").asLong())
                .isGreaterThan(covered);
    }

    private String register(String subject) {
        var answer = api().post().uri("/api/complaints").header("Authorization", DESK)
                .contentType(MediaType.APPLICATION_JSON).body(Complaints.phoneCall(subject)).retrieve()
                .toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        return answer.getBody().get("id").asText();
    }

    private long top() {
        return jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
    }

    private long count(long upTo) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where global_index <= ?", Long.class,
                upTo);
    }

    private JsonNode verify() {
        var answer = api().get().uri("/api/audit/complaint/verify").header("Authorization", AUDITOR).retrieve()
                .toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return answer.getBody();
    }

    /** The first head on the audit topic that covers this global index; the envelope is the published contract's. */
    private JsonNode awaitHeadCovering(long globalIndex) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> head = Topics.all(topic).stream().map(ChainHeadTest::envelope)
                    .filter(envelope -> envelope.path("data").path("globalIndex").asLong() >= globalIndex)
                    .findFirst().map(envelope -> {
                        assertThat(envelope.path("type").asText()).isEqualTo("ChainHeadRecorded");
                        assertThat(envelope.path("version").asInt()).isEqualTo(1);
                        assertThat(envelope.path("aggregateId").asText()).isEqualTo("complaint");
                        assertThat(envelope.path("actor").asText()).isEqualTo("system:chain-head");
                        return envelope.path("data");
                    });
            if (head.isPresent()) {
                return head.get();
            }
            pause();
        }
        throw new AssertionError("no head covering " + globalIndex + " on " + topic + " within 30 s");
    }

    private static JsonNode envelope(ConsumerRecord<String, byte[]> record) {
        try {
            assertThat(record.key()).isEqualTo("complaint");
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
