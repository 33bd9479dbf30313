package com.kefu.dutylog.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.api.ComplaintTopics;
import com.kefu.dutylog.Shifts;
import com.kefu.platform.axon.SnapshotProperties;
import com.kefu.platform.test.EventReads;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import com.kefu.platform.test.Topics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A shift as long as a busy day makes it, against real PostgreSQL and Kafka: 10,000 complaint calls waiting for it
 * (issue 13: on main, opening it ran for minutes under the desk's lock and never finished), then entries on it.
 * The cost is counted (events read from the store), never timed.
 */
@Import(EventReads.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenThousandCallsTest extends ServiceTest {

    private static final int CALLS = 10_000;

    /** The shift the first test opened with the calls waiting; the second writes on it. */
    private static String longShift;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventReads reads;

    @Autowired
    Clock clock;

    @Autowired
    SnapshotProperties snapshots;

    @Override
    protected RestClient api() {
        return super.api().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, Tokens.bearer("desk", "FRONT_DESK"))
                .build();
    }

    @Test
    @Order(1)
    @DisplayName("D11 with 10,000 calls waiting a shift opens at once; the calls follow in batches, other writes of "
            + "the desk go in between, and every call enters once, in the order received")
    void tenThousandCallsWaiting() {
        jdbc.update("""
                insert into pending_complaint_call (complaint_id, number, subject, received_by, received_at)
                select gen_random_uuid()::text, 'KF-WAIT-' || lpad(n::text, 5, '0'), '来电 / звонок ' || n, 'desk',
                       now() - interval '1 hour' + n * interval '1 millisecond'
                from generate_series(1, ?) n""", CALLS);

        var opened = api().post().uri("/api/shifts").contentType(MediaType.APPLICATION_JSON)
                .body(Shifts.open("front-desk")).retrieve().toEntity(JsonNode.class);
        assertThat(opened.getStatusCode().value()).isEqualTo(201);
        longShift = opened.getBody().get("id").asText();
        assertThat(waitingCalls()).as("the answer came before the calls were all in").isPositive();

        // a call delivered twice while the others still wait: it waits behind them and enters once
        String complaintId = UUID.randomUUID().toString();
        byte[] call = ComplaintEnvelopes.received(clock, UUID.randomUUID(), complaintId, "KF-LATE-00001", "PHONE")
                .getBytes(StandardCharsets.UTF_8);
        Topics.publish(ComplaintTopics.EVENTS, complaintId, call);
        Topics.publish(ComplaintTopics.EVENTS, complaintId, call);

        // the desk is not held for the whole intake: an incident is reported while calls still wait
        var incident = api().post().uri("/api/incidents").contentType(MediaType.APPLICATION_JSON)
                .body(Shifts.waterLeak(longShift)).retrieve().toEntity(JsonNode.class);
        assertThat(incident.getStatusCode().value()).isEqualTo(201);
        assertThat(waitingCalls()).as("calls still waiting after the incident was reported").isPositive();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> waitingCalls() == 0 && calls(longShift).size() == CALLS + 1);
        List<String> inOrder = calls(longShift);
        assertThat(inOrder).doesNotHaveDuplicates().startsWith("KF-WAIT-00001").endsWith("KF-LATE-00001");
        assertThat(inOrder.subList(0, CALLS)).isSorted();
    }

    @Test
    @Order(2)
    @DisplayName("an entry on a shift of 10,000 entries reads from the store what one on a new shift reads: a "
            + "snapshot and at most a threshold of events, however long the shift")
    void anEntryCostsTheSameOnALongShift() {
        if (longShift == null) {
            tenThousandCallsWaiting();
        }
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, longShift)).isGreaterThan(CALLS);
        String newShift = api().post().uri("/api/shifts").contentType(MediaType.APPLICATION_JSON)
                .body(Shifts.open("back-office")).retrieve().body(JsonNode.class).get("id").asText();

        EventReads.Reads onNew = reads.during(newShift, () -> writeEntry(newShift));
        assertThat(onNew.events()).isLessThanOrEqualTo(snapshots.threshold());

        // threshold + 2 entries in a row: a snapshot is taken on the way, and no entry reads more than the
        // snapshot, the events after it and, when it takes the next snapshot, those once more
        long bound = 2L * (snapshots.threshold() + 1);
        for (int i = 0; i < snapshots.threshold() + 2; i++) {
            EventReads.Reads onLong = reads.during(longShift, () -> writeEntry(longShift));
            assertThat(onLong.snapshots()).isBetween(1L, 2L);
            assertThat(onLong.events()).isLessThanOrEqualTo(bound);
        }
        assertThat(jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                Integer.class, longShift)).isEqualTo(1);
    }

    private void writeEntry(String shift) {
        var written = api().post().uri("/api/shifts/" + shift + "/entries").contentType(MediaType.APPLICATION_JSON)
                .body(Shifts.entry("OTHER", Instant.now().minusSeconds(60), "巡查 / обход"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(written.getStatusCode().value()).isEqualTo(201);
    }

    private int waitingCalls() {
        return jdbc.queryForObject("select count(*) from pending_complaint_call", Integer.class);
    }

    /** The complaint calls of a shift, as its page lists them. */
    private List<String> calls(String shift) {
        return jdbc.queryForList("""
                select reference from shift_entry_view where shift_id = ? and category = 'COMPLAINT_CALL'
                order by position""", String.class, shift);
    }
}
