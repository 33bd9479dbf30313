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
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.EscalationAcknowledgedEvent;
import com.kefu.complaint.api.SupervisorInstructionsRecordedEvent;
import com.kefu.complaint.config.DeadlineProperties;
import com.kefu.platform.privacy.Masking;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * Rebuilds a complaint as it stood at a past instant from its events (C13): the same view the projection keeps,
 * folded in memory from the events up to that instant, the customer masked as the view shows them (S5). Only a
 * complaint's events: another record's id rebuilds nothing.
 */
@Component
public class ComplaintReplay {

    private final EventStore events;
    private final DeadlineProperties deadlines;

    ComplaintReplay(EventStore events, DeadlineProperties deadlines) {
        this.events = events;
        this.deadlines = deadlines;
    }

    /** The complaint as it stood at {@code instant}, its stage due as the deadlines now set compute it (C10). */
    public Optional<ComplaintView> asOf(String complaintId, Instant instant) {
        ComplaintView view = null;
        Instant stageEntered = null;
        for (DomainEventMessage<?> event : events.readEvents(complaintId, 0).asStream().toList()) {
            if (!"Complaint".equals(event.getType()) || event.getTimestamp().isAfter(instant)) {
                break;
            }
            view = apply(view, event.getPayload());
            stageEntered = stageEntered(event.getPayload()).orElse(stageEntered);
        }
        if (view == null || "ARCHIVED".equals(view.status()) || stageEntered == null) {
            return Optional.ofNullable(view);
        }
        return Optional.of(view.withDueAt(deadlines.due(view.priority(), view.status(), stageEntered)));
    }

    /** When the event put the complaint into a stage (its deadline starts again), as the deadline table has it. */
    private static Optional<Instant> stageEntered(Object event) {
        if (event instanceof ComplaintReceivedEvent e) {
            return Optional.of(e.receivedAt());
        }
        if (event instanceof ComplaintEscalatedEvent e) {
            return Optional.of(e.escalatedAt());
        }
        if (event instanceof ComplaintAssignedEvent e) {
            return Optional.of(e.assignedAt());
        }
        if (event instanceof ComplaintReopenedEvent e) {
            return Optional.of(e.reopenedAt());
        }
        if (event instanceof ComplaintResolvedEvent e) {
            return Optional.of(e.resolvedAt());
        }
        if (event instanceof ComplaintFollowedUpEvent e && e.satisfied()) {
            return Optional.of(e.calledAt());
        }
        return Optional.empty();
    }

    private static ComplaintView apply(ComplaintView v, Object event) {
        if (event instanceof ComplaintReceivedEvent e) {
            return new ComplaintView(e.complaintId(), e.number(), "RECEIVED", e.channel(), e.category(), e.severity(),
                    e.priority(), masked(e.customer()), e.merchant(), e.subject(), e.description(), null, null, false, null,
                    null, 0, e.dispute(), null, e.receivedBy(), e.receivedAt(), null, null);
        }
        if (event instanceof ComplaintEscalatedEvent e) {
            return supervised(with(v, "ESCALATED", v.department(), v.instructions(), v.acknowledged(), v.result(),
                    v.satisfaction(), v.followUpCalls()), new Supervision(e.escalatedAt(), null, null, null));
        }
        if (event instanceof EscalationAcknowledgedEvent e) {
            return supervised(v, v.supervisor().acknowledged(e.acknowledgedBy(), e.acknowledgedAt()));
        }
        if (event instanceof SupervisorInstructionsRecordedEvent e) {
            return supervised(v, v.supervisor().with(
                    new Supervision.Instruction(e.instructions(), e.givenBy(), e.givenAt())));
        }
        if (event instanceof ComplaintAssignedEvent e) {
            return with(v, "ASSIGNED", e.department(), e.instructions(), false, v.result(), v.satisfaction(),
                    v.followUpCalls());
        }
        if (event instanceof ComplaintAcknowledgedEvent) {
            return with(v, v.status(), v.department(), v.instructions(), true, v.result(), v.satisfaction(),
                    v.followUpCalls());
        }
        if (event instanceof ComplaintResolvedEvent e) {
            return with(v, "RESOLVED", v.department(), v.instructions(), v.acknowledged(), e.result(),
                    v.satisfaction(), v.followUpCalls());
        }
        if (event instanceof ComplaintFollowedUpEvent e) {
            return with(v, e.satisfied() ? "FOLLOWED_UP" : v.status(), v.department(), v.instructions(),
                    v.acknowledged(), v.result(), e.satisfaction() != null ? e.satisfaction() : v.satisfaction(),
                    v.followUpCalls() + 1);
        }
        if (event instanceof ComplaintReopenedEvent) {
            return with(v, "ASSIGNED", v.department(), v.instructions(), false, null, v.satisfaction(),
                    v.followUpCalls());
        }
        if (event instanceof ComplaintRulingRecordedEvent e) {
            return new ComplaintView(v.id(), v.number(), v.status(), v.channel(), v.category(), v.severity(),
                    v.priority(), v.customer(), v.merchant(), v.subject(), v.description(), v.department(),
                    v.instructions(), v.acknowledged(), v.result(), v.satisfaction(), v.followUpCalls(), v.dispute(),
                    e.ruling(), v.receivedBy(), v.receivedAt(), v.supervisor(), v.dueAt());
        }
        if (event instanceof ComplaintArchivedEvent) {
            return with(v, "ARCHIVED", v.department(), v.instructions(), v.acknowledged(), v.result(),
                    v.satisfaction(), v.followUpCalls());
        }
        return v; // events that do not change the view, such as the contact in clear
    }

    private static CustomerReference masked(CustomerReference customer) {
        return customer == null ? null
                : new CustomerReference(Masking.name(customer.name()), customer.maskedPhone(), customer.memberId());
    }

    private static ComplaintView with(ComplaintView v, String status, String department, String instructions,
                                      boolean acknowledged, String result, Integer satisfaction, int followUpCalls) {
        return new ComplaintView(v.id(), v.number(), status, v.channel(), v.category(), v.severity(), v.priority(),
                v.customer(), v.merchant(), v.subject(), v.description(), department, instructions, acknowledged,
                result, satisfaction, followUpCalls, v.dispute(), v.ruling(), v.receivedBy(), v.receivedAt(),
                v.supervisor(), v.dueAt());
    }

    private static ComplaintView supervised(ComplaintView v, Supervision supervisor) {
        return new ComplaintView(v.id(), v.number(), v.status(), v.channel(), v.category(), v.severity(),
                v.priority(), v.customer(), v.merchant(), v.subject(), v.description(), v.department(),
                v.instructions(), v.acknowledged(), v.result(), v.satisfaction(), v.followUpCalls(), v.dispute(),
                v.ruling(), v.receivedBy(), v.receivedAt(), supervisor, v.dueAt());
    }
}
