package com.kefu.membership.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.membership.Members;
import com.kefu.membership.api.GiftHandedOutEvent;
import com.kefu.membership.api.MemberPointsChangedEvent;
import com.kefu.platform.axon.SnapshotProperties;
import com.kefu.platform.test.EventReads;
import com.kefu.platform.test.LongHistory;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members and campaigns with 10,000 events each (issue 13: the cost of a command grew with the history): a command
 * on them reads from the store what one on a new member or campaign reads, a snapshot and at most a threshold of
 * events. Counted, never timed; against real PostgreSQL and Kafka.
 */
@Import(EventReads.class)
class LongHistoriesTest extends ServiceTest {

    private static final int EVENTS = 10_000;
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");

    @Autowired
    EventStore store;

    @Autowired
    EventReads reads;

    @Autowired
    SnapshotProperties snapshots;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("M3 a hand-out on a campaign of 10,000 hand-outs to 10,000 members reads a snapshot and at most a "
            + "threshold of events; stock and limits hold across the snapshot")
    void longCampaign() {
        int stock = 2 * EVENTS;
        String campaign = campaign(stock);
        LongHistory.append(store, "Campaign", campaign, "aftersales", IntStream.rangeClosed(1, EVENTS)
                .mapToObj(i -> new GiftHandedOutEvent(campaign, "纪念杯", "seeded-" + i, 1, stock - i, "aftersales",
                        Instant.now()))
                .toList());

        String first = member("first");
        assertThat(handOut(campaign, first).getBody().get("stock").asInt()).isEqualTo(stock - EVENTS - 1);
        assertThat(snapshotOf(campaign)).as("the first command on the long history took a snapshot").isPositive();

        int given = 1;
        for (int i = 0; i < snapshots.threshold() + 2; i++) {
            String member = member("m-" + i);
            EventReads.Reads onLong = reads.during(campaign, () -> assertThat(handOut(campaign, member)
                    .getStatusCode().value()).isEqualTo(201));
            given++;
            assertBounded(onLong);
        }
        var refused = handOut(campaign, first);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("type").asText()).endsWith("gift-limit-reached");
        String last = member("last");
        assertThat(handOut(campaign, last).getBody().get("stock").asInt()).isEqualTo(stock - EVENTS - given - 1);

        String newCampaign = campaign(10);
        String member = member("new");
        EventReads.Reads onNew = reads.during(newCampaign, () -> handOut(newCampaign, member));
        assertThat(onNew.events()).isLessThanOrEqualTo(snapshots.threshold());
    }

    @Test
    @DisplayName("M2 points on a member with 10,000 changes of points read a snapshot and at most a threshold of "
            + "events; the balance holds across the snapshot")
    void longMember() {
        var registered = api().post().uri("/api/members").header(HttpHeaders.AUTHORIZATION, AFTER_SALES)
                .contentType(MediaType.APPLICATION_JSON).body(Members.withTier("积分多", "REGULAR"))
                .retrieve().toEntity(JsonNode.class);
        String member = registered.getBody().get("id").asText();
        String card = registered.getBody().get("cardNumber").asText();
        LongHistory.append(store, "Member", member, "aftersales", IntStream.rangeClosed(1, EVENTS)
                .mapToObj(i -> new MemberPointsChangedEvent(member, card, 1, i, "购物 / покупка", "aftersales",
                        Instant.now()))
                .toList());

        assertThat(points(member, 5)).isEqualTo(EVENTS + 5);
        assertThat(snapshotOf(member)).as("the first command on the long history took a snapshot").isPositive();
        for (int i = 1; i <= snapshots.threshold() + 2; i++) {
            long expected = EVENTS + 5 + i;
            EventReads.Reads onLong = reads.during(member, () -> assertThat(points(member, 1)).isEqualTo(expected));
            assertBounded(onLong);
        }

        String newMember = member("new");
        EventReads.Reads onNew = reads.during(newMember, () -> points(newMember, 1));
        assertThat(onNew.events()).isLessThanOrEqualTo(snapshots.threshold());
    }

    /**
     * The snapshot, the events after it, and, on the command that takes the next snapshot, those once more: however
     * long the history.
     */
    private void assertBounded(EventReads.Reads reads) {
        assertThat(reads.snapshots()).isBetween(1L, 2L);
        assertThat(reads.events()).isLessThanOrEqualTo(2L * (snapshots.threshold() + 1));
    }

    private long snapshotOf(String aggregateId) {
        return jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    private String campaign(int stock) {
        return post("/api/campaigns", Map.of("name", "十周年", "item", "纪念杯", "stock", stock, "perMemberLimit", 1))
                .getBody().get("id").asText();
    }

    private String member(String name) {
        return post("/api/members", Members.gold(name)).getBody().get("id").asText();
    }

    private ResponseEntity<JsonNode> handOut(String campaign, String member) {
        return post("/api/campaigns/" + campaign + "/handouts", Map.of("memberId", member));
    }

    private long points(String member, long delta) {
        var changed = post("/api/members/" + member + "/points", Map.of("delta", delta, "reason", "购物 / покупка"));
        assertThat(changed.getStatusCode().value()).as(String.valueOf(changed.getBody())).isEqualTo(200);
        return changed.getBody().get("points").asLong();
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        var answer = api().post().uri(path).header(HttpHeaders.AUTHORIZATION, AFTER_SALES)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().is2xxSuccessful() || answer.getStatusCode().value() == 409)
                .as(path + " " + answer.getBody()).isTrue();
        return answer;
    }
}
