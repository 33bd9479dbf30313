package com.kefu.complaint.messaging;

import com.kefu.membership.api.MembershipTopics;
import com.kefu.platform.contracts.EventEnvelope;
import com.kefu.platform.messaging.ProcessedEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Keeps complaint-service's view of members' tiers from membership.events (C4), once per event. A change older
 * than the one already known does not overwrite it, whatever order the events arrive in.
 */
@Component
class MemberTierListener {

    static final String CONSUMER = "complaint.member-tiers";

    private final ProcessedEvents processed;
    private final JdbcTemplate jdbc;

    MemberTierListener(ProcessedEvents processed, JdbcTemplate jdbc) {
        this.processed = processed;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = "member-tiers", idIsGroup = false, topics = MembershipTopics.EVENTS)
    void on(EventEnvelope event) {
        Instant at = event.occurredAt();
        switch (event.type()) {
            case "MemberRegistered", "MemberTierChanged" -> processed.once(CONSUMER, event, () ->
                    record(event.data().path("memberId").asText(), event.data().path("tier").asText(), at));
            default -> {
                // other membership events do not concern complaints
            }
        }
    }

    private void record(String memberId, String tier, Instant at) {
        jdbc.update("""
                insert into member_tier (member_id, tier, changed_at) values (?, ?, ?)
                on conflict (member_id) do update set tier = excluded.tier, changed_at = excluded.changed_at
                where member_tier.changed_at <= excluded.changed_at""", memberId, tier, Timestamp.from(at));
    }
}
