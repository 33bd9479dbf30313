package com.kefu.membership.query;

import com.kefu.membership.api.MemberCardReplacedEvent;
import com.kefu.membership.api.MemberDetailsChangedEvent;
import com.kefu.membership.api.MemberPointsChangedEvent;
import com.kefu.membership.api.MemberRegisteredEvent;
import com.kefu.membership.api.MemberStatusChangedEvent;
import com.kefu.membership.api.MemberTierChangedEvent;
import com.kefu.membership.event.MemberContactRecordedEvent;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.privacy.PersonalDataErasedEvent;
import com.kefu.platform.search.SearchIndex;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;

/**
 * The member read model, kept in the command's own transaction (a subscribing processor: a read by id right after
 * a write sees it) and rebuilt by replaying the event store. Writes are idempotent, so an event handled again
 * during a rebuild changes nothing. It keeps the
 * masked phone only: every role that reads this view sees no more than the desk needs (S1). The member's row in the
 * search index ({@link SearchIndex}: by card, and by the keyed hashes of the phone and full name) is kept with it.
 */
@Component
@ProcessingGroup(MemberProjection.PROCESSING_GROUP)
class MemberProjection {

    static final String PROCESSING_GROUP = "member-view";
    /** The kind of record in the search index ({@code GET /api/search?kind=member}). */
    public static final String SEARCH_KIND = "member";

    private final JdbcTemplate jdbc;
    private final SearchIndex search;

    MemberProjection(JdbcTemplate jdbc, SearchIndex search) {
        this.jdbc = jdbc;
        this.search = search;
    }

    @EventHandler
    void on(MemberRegisteredEvent event) {
        Timestamp at = Timestamp.from(event.registeredAt());
        jdbc.update("""
                insert into member_view (id, card_number, name, masked_phone, tier, status, registered_by,
                    registered_at)
                values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?)
                on conflict (id) do nothing""",
                event.memberId(), event.cardNumber(), event.name(), event.maskedPhone(), event.tier().name(),
                event.registeredBy(), at);
        jdbc.update("insert into member_card (card_number, member_id, issued_at) values (?, ?, ?) "
                + "on conflict do nothing", event.cardNumber(), event.memberId(), at);
        search.put(new SearchIndex.Entry(SEARCH_KIND, event.memberId(), event.cardNumber(), event.tier().name(),
                Masking.name(event.name()), event.maskedPhone(), event.registeredAt(),
                List.of(event.cardNumber())));
        search.remember(event.memberId(), SearchIndex.Field.NAME, event.name());
    }

    /** The member's phone, at registration and when it changes: searched by its keyed hash only. */
    @EventHandler
    void on(MemberContactRecordedEvent event) {
        search.remember(event.memberId(), SearchIndex.Field.PHONE, event.phone());
    }

    @EventHandler
    void on(MemberDetailsChangedEvent event) {
        jdbc.update("""
                update member_view set name = coalesce(?, name), masked_phone = coalesce(?, masked_phone),
                    changed_at = ? where id = ?""",
                event.name(), event.maskedPhone(), Timestamp.from(event.changedAt()), event.memberId());
        search.person(event.memberId(), Masking.name(event.name()), event.maskedPhone());
        if (event.name() != null) {
            search.remember(event.memberId(), SearchIndex.Field.NAME, event.name());
        }
    }

    @EventHandler
    void on(MemberCardReplacedEvent event) {
        Timestamp at = Timestamp.from(event.replacedAt());
        jdbc.update("update member_view set card_number = ?, changed_at = ? where id = ?", event.cardNumber(), at,
                event.memberId());
        jdbc.update("update member_card set replaced_at = ? where card_number = ?", at, event.previousCardNumber());
        jdbc.update("insert into member_card (card_number, member_id, issued_at) values (?, ?, ?) "
                + "on conflict do nothing", event.cardNumber(), event.memberId(), at);
        // a replaced card finds the member no more, as it no longer reads at the desk
        search.retext(event.memberId(), event.cardNumber(), List.of(event.cardNumber()));
    }

    @EventHandler
    void on(MemberStatusChangedEvent event) {
        jdbc.update("update member_view set status = ?, changed_at = ? where id = ?", event.status().name(),
                Timestamp.from(event.changedAt()), event.memberId());
    }

    @EventHandler
    void on(MemberTierChangedEvent event) {
        jdbc.update("update member_view set tier = ?, changed_at = ? where id = ?", event.tier().name(),
                Timestamp.from(event.changedAt()), event.memberId());
        search.title(event.memberId(), event.tier().name());
    }

    @EventHandler
    void on(MemberPointsChangedEvent event, @SequenceNumber long sequence) {
        Timestamp at = Timestamp.from(event.changedAt());
        jdbc.update("""
                insert into member_points (member_id, sequence, delta, balance, reason, changed_by, changed_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.memberId(), sequence, event.delta(), event.balance(), event.reason(), event.changedBy(), at);
        jdbc.update("""
                update member_view set points = ?, earned = earned + greatest(?, 0), last_sequence = ?
                where id = ? and last_sequence < ?""",
                event.balance(), event.delta(), sequence, event.memberId(), sequence);
    }

    /** The member's data was erased (S3): the record keeps the card, tier and points, not the person. */
    @EventHandler
    void on(PersonalDataErasedEvent event) {
        jdbc.update("update member_view set name = ?, masked_phone = ? where id = ?", Masking.ERASED, Masking.ERASED,
                event.subject());
        search.erase(event.subject());
    }

    @ResetHandler
    void reset() {
        search.reset(SEARCH_KIND);
        jdbc.update("delete from member_points");
        jdbc.update("delete from member_card");
        jdbc.update("delete from member_view");
    }
}
