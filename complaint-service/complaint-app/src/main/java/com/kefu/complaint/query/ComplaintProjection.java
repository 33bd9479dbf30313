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
import com.kefu.complaint.query.StageMove.Deadline;
import com.kefu.platform.search.SearchIndex;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The complaint read model, kept in the command's own transaction (a subscribing processor: a read by id right
 * after a write sees it) and rebuilt by replaying the event store. The same row carries the statistics' figures
 * ({@link ComplaintStatistics}: the stage and the time in it) and the current stage's deadline (read by the command
 * side's deadline watch), written with the view's columns in one statement per event ({@link StageMove}); the
 * complaint's row in the search index is kept by the same processor ({@link SearchIndex}: found right after the
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
    private final StageMove stages;

    ComplaintProjection(JdbcTemplate jdbc, DeadlineProperties deadlines, SearchIndex search) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.search = search;
        this.stages = new StageMove(jdbc, deadlines);
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
                event.receivedAt(), texts),
                event.customer().name(), event.customerPhone());
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
    void on(ComplaintEscalatedEvent event, @SequenceNumber long sequence) {
        stages.apply(event.complaintId(), sequence, event.escalatedAt(), "ESCALATED", Deadline.ENTER, null,
                "status = 'ESCALATED', escalated_at = :at", new MapSqlParameterSource());
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
    void on(ComplaintAssignedEvent event, @SequenceNumber long sequence) {
        stages.apply(event.complaintId(), sequence, event.assignedAt(), "ASSIGNED", Deadline.ENTER, event.department(),
                "status = 'ASSIGNED', department = :department, instructions = :instructions, acknowledged = false, "
                        + "assigned_at = :at",
                new MapSqlParameterSource("instructions", event.instructions()));
    }

    @EventHandler
    void on(ComplaintAcknowledgedEvent event) {
        jdbc.update("update complaint_view set acknowledged = true where id = ?", event.complaintId());
    }

    @EventHandler
    void on(ComplaintResolvedEvent event, @SequenceNumber long sequence) {
        stages.apply(event.complaintId(), sequence, event.resolvedAt(), "RESOLVED", Deadline.ENTER, event.department(),
                "status = 'RESOLVED', result = :result, resolved_at = :at",
                new MapSqlParameterSource("result", event.result()));
    }

    /**
     * A call to the customer (C4, C7): counted once however often the event is handled (its position guards the
     * view's count and the statistics' reached calls); a satisfied customer moves the complaint to FOLLOWED_UP.
     */
    @EventHandler
    void on(ComplaintFollowedUpEvent event, @SequenceNumber long sequence) {
        boolean satisfied = event.satisfied();
        stages.apply(event.complaintId(), sequence, event.calledAt(), satisfied ? "FOLLOWED_UP" : null,
                satisfied ? Deadline.ENTER : Deadline.KEEP, null, """
                        follow_up_calls = v.follow_up_calls + case when v.last_sequence < :sequence then 1 else 0 end,
                        satisfaction = case when v.last_sequence < :sequence then coalesce(:satisfaction, v.satisfaction)
                            else v.satisfaction end,
                        status = case when v.last_sequence < :sequence and :satisfied then 'FOLLOWED_UP' else v.status end,
                        followed_up_at = case when v.last_sequence < :sequence and :satisfied then :at
                            else v.followed_up_at end,
                        last_sequence = greatest(v.last_sequence, :sequence),
                        reached_calls = v.reached_calls + case when r.unseen and :reached then 1 else 0 end,
                        satisfied = case when r.unseen and :reached then :satisfied else v.satisfied end""",
                new MapSqlParameterSource("satisfaction", event.satisfaction())
                        .addValue("satisfied", satisfied).addValue("reached", event.reached()));
    }

    @EventHandler
    void on(ComplaintReopenedEvent event, @SequenceNumber long sequence) {
        stages.apply(event.complaintId(), sequence, event.reopenedAt(), "ASSIGNED", Deadline.ENTER, event.department(),
                "status = 'ASSIGNED', acknowledged = false, result = null, "
                        + "reopened = v.reopened + case when r.unseen then 1 else 0 end",
                new MapSqlParameterSource());
    }

    @EventHandler
    void on(ComplaintRulingRecordedEvent event) {
        jdbc.update("update complaint_view set ruling = ? where id = ?", event.ruling(), event.complaintId());
    }

    @EventHandler
    void on(ComplaintArchivedEvent event, @SequenceNumber long sequence) {
        stages.apply(event.complaintId(), sequence, event.archivedAt(), "ARCHIVED", Deadline.CLEAR, null,
                "status = 'ARCHIVED', archived_at = :at", new MapSqlParameterSource());
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
