package com.kefu.membership.query;

import com.kefu.membership.api.MemberRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * The member read model, built by a pooled streaming processor in batches and rebuilt by replaying the
 * event store. Writes are idempotent, so a batch handled again after a failure changes nothing. It keeps the
 * masked phone only: every role that reads this view sees no more than the desk needs (S1).
 */
@Component
@ProcessingGroup(MemberProjection.PROCESSING_GROUP)
class MemberProjection {

    static final String PROCESSING_GROUP = "member-view";

    private final JdbcTemplate jdbc;

    MemberProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberRegisteredEvent event) {
        jdbc.update("""
                insert into member_view (id, card_number, name, masked_phone, tier, status, registered_by,
                    registered_at)
                values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?)
                on conflict (id) do nothing""",
                event.memberId(), event.cardNumber(), event.name(), event.maskedPhone(), event.tier().name(),
                event.registeredBy(), Timestamp.from(event.registeredAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from member_view");
    }
}
