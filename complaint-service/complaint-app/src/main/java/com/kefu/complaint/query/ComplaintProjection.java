package com.kefu.complaint.query;

import com.kefu.complaint.api.ComplaintReceivedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * The complaint read model, built by a pooled streaming processor in batches and rebuilt by replaying the
 * event store. Writes are idempotent, so a batch handled again after a failure changes nothing.
 */
@Component
@ProcessingGroup(ComplaintProjection.PROCESSING_GROUP)
class ComplaintProjection {

    static final String PROCESSING_GROUP = "complaint-view";

    private final JdbcTemplate jdbc;

    ComplaintProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ComplaintReceivedEvent event) {
        var merchant = event.merchant();
        jdbc.update("""
                insert into complaint_view (id, number, status, channel, category, severity, priority,
                    customer_name, customer_masked_phone, member_id, merchant_shop_no, merchant_name,
                    subject, description, received_by, received_at)
                values (?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do nothing""",
                event.complaintId(), event.number(), event.channel().name(), event.category().name(),
                event.severity().name(), event.priority().name(), event.customer().name(),
                event.customer().maskedPhone(), event.customer().memberId(),
                merchant == null ? null : merchant.shopNo(), merchant == null ? null : merchant.name(),
                event.subject(), event.description(), event.receivedBy(), Timestamp.from(event.receivedAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from complaint_view");
    }
}
