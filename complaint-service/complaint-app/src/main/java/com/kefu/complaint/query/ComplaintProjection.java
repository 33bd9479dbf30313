package com.kefu.complaint.query;

import com.kefu.complaint.api.ComplaintAcknowledgedEvent;
import com.kefu.complaint.api.ComplaintArchivedEvent;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintEscalatedEvent;
import com.kefu.complaint.api.ComplaintFollowedUpEvent;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.ComplaintReopenedEvent;
import com.kefu.complaint.api.ComplaintResolvedEvent;
import com.kefu.complaint.api.ComplaintRulingRecordedEvent;
import com.kefu.complaint.api.EscalationAcknowledgedEvent;
import com.kefu.complaint.api.SupervisorInstructionsRecordedEvent;
import com.kefu.complaint.config.DeadlineProperties;
import com.kefu.complaint.event.CustomerContactRecordedEvent;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The complaint read model, kept in the command's own transaction (a subscribing processor: a read by id right
 * after a write sees it) and rebuilt by replaying the event store. The same row carries the statistics' figures
 * ({@link ComplaintStatistics}) and the current stage's deadline (the command side's deadline table), kept by the
 * same processor, and so is the complaint's row in the search index ({@link SearchIndex}: found right after the
 * registration's 201). Writes are idempotent, so an event handled again during a rebuild changes nothing.
 */
@Component
@ProcessingGroup(ComplaintProjection.PROCESSING_GROUP)
class ComplaintProjection {

    static final String PROCESSING_GROUP = "complaint-view";
    /** The kind of record in the search index ({@code GET /api/search?kind=complaint}). */
    public static final String SEARCH_KIND = "complaint";

    private final JdbcTemplate jdbc;
    private final DeadlineProperties deadlines;
    private final SearchIndex search;

    ComplaintProjection(JdbcTemplate jdbc, DeadlineProperties deadlines, SearchIndex search) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.search = search;
    }

    /**
     * One row for the registration: the view, the statistics' first stage ({@link ComplaintStatistics}) and the
     * first stage's deadline (C10, kept on by the deadline table) — one insert where there were three.
     */
    @EventHandler
    void on(ComplaintReceivedEvent event, @SequenceNumber long sequence) {
        var merchant = event.merchant();
        Timestamp at = Timestamp.from(event.receivedAt());
        Instant due = deadlines.due(event.priority(), "RECEIVED", event.receivedAt());
        jdbc.update("""
                insert into complaint_view (id, number, status, channel, category, severity, priority,
                    customer_name, customer_masked_phone, member_id, merchant_shop_no, merchant_name,
                    subject, description, received_by, received_at, dispute_complainant, dispute_respondent,
                    statistic_status, status_since, statistic_sequence,
                    deadline_stage, deadline_entered_at, deadline_due_at, deadline_warn_at)
                values (?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, 'RECEIVED', ?, ?,
                    ?)
                on conflict (id) do nothing""",
                event.complaintId(), event.number(), event.channel().name(), event.category().name(),
                event.severity().name(), event.priority().name(), event.customer().name(),
                event.customer().maskedPhone(), event.customer().memberId(),
                merchant == null ? null : merchant.shopNo(), merchant == null ? null : merchant.name(),
                event.subject(), event.description(), event.receivedBy(), at,
                event.dispute() == null ? null : event.dispute().complainant().name(),
                event.dispute() == null ? null : event.dispute().respondent().name(),
                at, sequence,
                at, Timestamp.from(due), Timestamp.from(DeadlineProperties.warningAt(event.receivedAt(), due)));
        // the description and the merchant are optional: a text left out is searched as empty
        List<String> texts = new ArrayList<>(Arrays.asList(event.number(), event.subject(), event.description()));
        if (merchant != null) {
            texts.add(merchant.shopNo());
            texts.add(merchant.name());
        }
        search.put(new SearchIndex.Entry(SEARCH_KIND, event.complaintId(), event.number(), event.subject(),
                Masking.name(event.customer().name()), event.customer().maskedPhone(),
                event.receivedAt(), texts));
        search.rememberPerson(event.complaintId(), event.customer().name(), event.customerPhone());
    }

    /**
     * A complaint's or an enquiry's customer's phone as registrations kept it before the registration event did:
     * searched by its keyed hash only.
     */
    @EventHandler
    void on(CustomerContactRecordedEvent event) {
        search.remember(event.complaintId(), SearchIndex.Field.PHONE, event.phone());
    }

    @EventHandler
    void on(ComplaintEscalatedEvent event) {
        jdbc.update("update complaint_view set status = 'ESCALATED', escalated_at = ? where id = ?",
                Timestamp.from(event.escalatedAt()), event.complaintId());
    }

    @EventHandler
    void on(EscalationAcknowledgedEvent event) {
        jdbc.update("update complaint_view set supervisor_acknowledged_by = ?, supervisor_acknowledged_at = ? "
                + "where id = ?", event.acknowledgedBy(), Timestamp.from(event.acknowledgedAt()), event.complaintId());
    }

    /** Appended in the order given; the event's position keeps a batch handled again from adding it twice. */
    @EventHandler
    void on(SupervisorInstructionsRecordedEvent event, @SequenceNumber long sequence) {
        jdbc.update("""
                update complaint_view set supervisor_instructions = supervisor_instructions
                        || jsonb_build_array(jsonb_build_object('text', ?::text, 'givenBy', ?::text, 'givenAt', ?::text)),
                    supervisor_sequence = ?
                where id = ? and supervisor_sequence < ?""",
                event.instructions(), event.givenBy(), event.givenAt().toString(), sequence, event.complaintId(),
                sequence);
    }

    @EventHandler
    void on(ComplaintAssignedEvent event) {
        jdbc.update("""
                update complaint_view set status = 'ASSIGNED', department = ?, instructions = ?, acknowledged = false,
                    assigned_at = ? where id = ?""",
                event.department(), event.instructions(), Timestamp.from(event.assignedAt()), event.complaintId());
    }

    @EventHandler
    void on(ComplaintAcknowledgedEvent event) {
        jdbc.update("update complaint_view set acknowledged = true where id = ?", event.complaintId());
    }

    @EventHandler
    void on(ComplaintResolvedEvent event) {
        jdbc.update("update complaint_view set status = 'RESOLVED', result = ?, resolved_at = ? where id = ?",
                event.result(), Timestamp.from(event.resolvedAt()), event.complaintId());
    }

    @EventHandler
    void on(ComplaintFollowedUpEvent event, @SequenceNumber long sequence) {
        // the call count must not grow when a batch is handled again: it is derived from the event's position
        jdbc.update("""
                update complaint_view set follow_up_calls = follow_up_calls + 1,
                    satisfaction = coalesce(?, satisfaction),
                    status = case when ? then 'FOLLOWED_UP' else status end,
                    followed_up_at = case when ? then ? else followed_up_at end,
                    last_sequence = ?
                where id = ? and last_sequence < ?""",
                event.satisfaction(), event.satisfied(), event.satisfied(), Timestamp.from(event.calledAt()),
                sequence, event.complaintId(), sequence);
    }

    @EventHandler
    void on(ComplaintReopenedEvent event) {
        jdbc.update("update complaint_view set status = 'ASSIGNED', acknowledged = false, result = null "
                + "where id = ?", event.complaintId());
    }

    @EventHandler
    void on(ComplaintRulingRecordedEvent event) {
        jdbc.update("update complaint_view set ruling = ? where id = ?", event.ruling(), event.complaintId());
    }

    @EventHandler
    void on(ComplaintArchivedEvent event) {
        jdbc.update("update complaint_view set status = 'ARCHIVED', archived_at = ? where id = ?",
                Timestamp.from(event.archivedAt()), event.complaintId());
    }

    /**
     * The customer's data was erased (S3): the list keeps the case, not the person; the search index forgets their
     * phone and name (whichever record they came with: a complaint or an enquiry).
     */
    @EventHandler
    void on(PersonalDataErasedEvent event) {
        jdbc.update("update complaint_view set customer_name = ?, customer_masked_phone = null where id = ?",
                Masking.ERASED, event.subject());
        search.erase(event.subject());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from complaint_view");
        search.reset(SEARCH_KIND);
    }
}
