package com.kefu.complaint.query;

import com.kefu.complaint.api.EnquiryAnsweredEvent;
import com.kefu.complaint.api.EnquiryArchivedEvent;
import com.kefu.complaint.api.EnquiryReceivedEvent;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.privacy.PersonalDataErasedEvent;
import com.kefu.platform.search.SearchIndex;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.Arrays;

/**
 * The enquiry list (C12) and the enquiries' rows in the search index (by number and question), in the same processing
 * group as the complaint list; every write is idempotent. The customer's phone and their erasure reach the index
 * through {@link ComplaintProjection}, which handles them for both kinds.
 */
@Component
@ProcessingGroup(ComplaintProjection.PROCESSING_GROUP)
class EnquiryProjection {

    /** The kind of record in the search index ({@code GET /api/search?kind=enquiry}). */
    public static final String SEARCH_KIND = "enquiry";

    private final JdbcTemplate jdbc;
    private final SearchIndex search;

    EnquiryProjection(JdbcTemplate jdbc, SearchIndex search) {
        this.jdbc = jdbc;
        this.search = search;
    }

    @EventHandler
    void on(EnquiryReceivedEvent event) {
        jdbc.update("""
                insert into enquiry_view (id, number, status, channel, stage, customer_name, customer_masked_phone,
                    question, received_by, received_at)
                values (?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""",
                event.enquiryId(), event.number(), event.channel().name(), event.stage().name(),
                event.customer().name(), event.customer().maskedPhone(), event.question(), event.receivedBy(),
                Timestamp.from(event.receivedAt()));
        search.put(new SearchIndex.Entry(SEARCH_KIND, event.enquiryId(), event.number(), event.question(),
                Masking.name(event.customer().name()), event.customer().maskedPhone(),
                event.receivedAt(), Arrays.asList(event.number(), event.question())),
                event.customer().name(), event.customerPhone());
    }

    /** A later answer corrects the earlier one. */
    @EventHandler
    void on(EnquiryAnsweredEvent event) {
        jdbc.update("""
                update enquiry_view set status = 'ANSWERED', answer = ?, answered_by = ?, answered_at = ?
                where id = ?""",
                event.answer(), event.answeredBy(), Timestamp.from(event.answeredAt()), event.enquiryId());
    }

    @EventHandler
    void on(EnquiryArchivedEvent event) {
        jdbc.update("update enquiry_view set status = 'ARCHIVED', archived_at = ? where id = ?",
                Timestamp.from(event.archivedAt()), event.enquiryId());
    }

    /** The customer's data was erased (S3). Complaints' erasures do not match an enquiry's id. */
    @EventHandler
    void on(PersonalDataErasedEvent event) {
        jdbc.update("update enquiry_view set customer_name = ?, customer_masked_phone = null where id = ?",
                Masking.ERASED, event.subject());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from enquiry_view");
        search.reset(SEARCH_KIND);
    }
}
