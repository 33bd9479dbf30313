package com.kefu.dutylog.query;

import com.kefu.dutylog.event.BadgeIssuedEvent;
import com.kefu.dutylog.event.BadgeReturnedEvent;
import com.kefu.dutylog.event.ParcelHandedOverEvent;
import com.kefu.dutylog.event.ParcelReceivedEvent;
import com.kefu.dutylog.event.ParcelStoredEvent;
import com.kefu.dutylog.event.VisitorArrivedEvent;
import com.kefu.dutylog.event.VisitorLeftEvent;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.privacy.PersonalDataErasedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * What the desk keeps for others and who is in the building: customers' mail and parcels still held (D17) and
 * visitors (D18). In the duty records' subscribing group, so a read right after a write shows it (R1).
 */
@Component
@ProcessingGroup(DutyRecordsProjection.PROCESSING_GROUP)
class DeskKeepingProjection {

    private final JdbcTemplate jdbc;

    DeskKeepingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ParcelReceivedEvent event) {
        jdbc.update("""
                insert into parcel_view (id, tenant, shop, kind, outside, delivered_by, received_by, received_at,
                    stored_at, custody)
                values (?, ?, ?, ?, ?, ?, ?, ?, '', 'HELD') on conflict (id) do nothing""",
                event.parcelId(), event.tenant(), event.shop(), event.kind(), event.outside(), event.deliveredBy(),
                event.receivedBy(), Timestamp.from(event.receivedAt()));
    }

    @EventHandler
    void on(ParcelStoredEvent event) {
        jdbc.update("update parcel_view set stored_at = ? where id = ?", event.storedAt(), event.parcelId());
    }

    @EventHandler
    void on(ParcelHandedOverEvent event) {
        jdbc.update("update parcel_view set custody = 'HANDED_OVER', handed_over_at = ? where id = ?",
                Timestamp.from(event.handedOverAt()), event.parcelId());
    }

    @EventHandler
    void on(VisitorArrivedEvent event) {
        jdbc.update("""
                insert into visitor_view (id, masked_name, visiting, badge, arrived_at, signed_in_by)
                values (?, ?, ?, ?, ?, ?) on conflict (id) do nothing""",
                event.visitId(), Masking.name(event.name()), event.visiting(), event.badge(),
                Timestamp.from(event.arrivedAt()), event.signedInBy());
    }

    @EventHandler
    void on(VisitorLeftEvent event) {
        jdbc.update("update visitor_view set left_at = ?, signed_out_by = ? where id = ?",
                Timestamp.from(event.leftAt()), event.signedOutBy(), event.visitId());
    }

    /** Only visits apply it here: a visitor's name erased on request (S3). */
    @EventHandler
    void on(PersonalDataErasedEvent event) {
        jdbc.update("update visitor_view set masked_name = ? where id = ?", Masking.ERASED, event.subject());
    }

    /** A badge's issues are counted by its events' positions: a batch handled again counts none twice. */
    @EventHandler
    void on(BadgeIssuedEvent event) {
        jdbc.update("""
                insert into badge_view (id, badge, out_with, issued_at, issues) values (?, ?, ?, ?, 1)
                on conflict (id) do update set out_with = excluded.out_with, issued_at = excluded.issued_at,
                    returned_at = null, issues = badge_view.issues + 1
                where badge_view.issued_at is distinct from excluded.issued_at""",
                event.badgeId(), event.badge(), event.visitId(), Timestamp.from(event.issuedAt()));
    }

    @EventHandler
    void on(BadgeReturnedEvent event) {
        jdbc.update("update badge_view set out_with = null, returned_at = ? where id = ?",
                Timestamp.from(event.returnedAt()), event.badgeId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from parcel_view");
        jdbc.update("delete from visitor_view");
        jdbc.update("delete from badge_view");
    }
}
