package com.kefu.membership.query;

import com.kefu.membership.api.GiftCampaignStartedEvent;
import com.kefu.membership.api.GiftHandedOutEvent;
import com.kefu.membership.api.GiftStockAddedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;

/** Campaigns with their stock and every hand-out (M3); idempotent writes. */
@Component
@ProcessingGroup(MemberProjection.PROCESSING_GROUP)
class CampaignProjection {

    private final JdbcTemplate jdbc;

    CampaignProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GiftCampaignStartedEvent event) {
        jdbc.update("""
                insert into campaign_view (id, name, item, stock, initial_stock, per_member_limit, starts_on, ends_on,
                    started_by, started_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""",
                event.campaignId(), event.name(), event.item(), event.stock(), event.stock(), event.perMemberLimit(),
                Date.valueOf(event.startsOn()), Date.valueOf(event.endsOn()), event.startedBy(),
                Timestamp.from(event.startedAt()));
    }

    @EventHandler
    void on(GiftStockAddedEvent event, @SequenceNumber long sequence) {
        jdbc.update("update campaign_view set stock = ?, last_sequence = ? where id = ? and last_sequence < ?",
                event.stock(), sequence, event.campaignId(), sequence);
    }

    @EventHandler
    void on(GiftHandedOutEvent event, @SequenceNumber long sequence) {
        jdbc.update("""
                insert into gift_handout (campaign_id, sequence, member_id, item, quantity, handed_out_by,
                    handed_out_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.campaignId(), sequence, event.memberId(), event.item(), event.quantity(), event.handedOutBy(),
                Timestamp.from(event.handedOutAt()));
        jdbc.update("""
                update campaign_view set stock = ?, handed_out = handed_out + ?, last_sequence = ?
                where id = ? and last_sequence < ?""",
                event.stock(), event.quantity(), sequence, event.campaignId(), sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from gift_handout");
        jdbc.update("delete from campaign_view");
    }
}
