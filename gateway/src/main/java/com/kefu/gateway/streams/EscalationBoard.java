package com.kefu.gateway.streams;

import com.kefu.gateway.topics.Envelopes;
import com.kefu.complaint.api.ComplaintArchivedEvent;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintEscalatedEvent;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.ComplaintReopenedEvent;
import com.kefu.complaint.api.ComplaintResolvedEvent;
import com.kefu.complaint.api.EscalationAcknowledgedEvent;
import com.kefu.complaint.api.Severity;
import com.kefu.complaint.api.SupervisorInstructionsRecordedEvent;
import com.kefu.platform.contracts.EventEnvelope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The supervisor's inbox (C14, 第四章), rebuilt from {@code complaint.events} alone: every escalated MAJOR complaint
 * not archived, with its stage, whether the supervisor has acknowledged it and the instructions given. Those not yet
 * acknowledged come first, each group oldest escalation first. An event published twice counts once: per aggregate,
 * only a higher sequence is applied.
 */
final class EscalationBoard implements BoardStreams.Board {

    /** What a client is sent: {@code complete} is false while the gateway still reads the topic from its start. */
    record Inbox(boolean complete, List<Escalation> escalations) {
    }

    record Escalation(String complaintId, String number, String subject, String reason, String escalatedBy,
                      Instant escalatedAt, String status, String department, String acknowledgedBy,
                      Instant acknowledgedAt, List<Instruction> instructions) {

        Escalation with(String newStatus, String newDepartment) {
            return new Escalation(complaintId, number, subject, reason, escalatedBy, escalatedAt, newStatus,
                    newDepartment, acknowledgedBy, acknowledgedAt, instructions);
        }
    }

    record Instruction(String text, String givenBy, Instant givenAt) {
    }

    private static final Comparator<Escalation> INBOX_ORDER = Comparator
            .comparing((Escalation e) -> e.acknowledgedBy() != null)
            .thenComparing(Escalation::escalatedAt)
            .thenComparing(Escalation::complaintId);

    private final Redeliveries redeliveries = new Redeliveries();
    /** The subjects of MAJOR complaints received and not yet escalated (the escalation does not repeat it). */
    private final Map<String, String> subjects = new HashMap<>();
    private final Map<String, Escalation> escalations = new LinkedHashMap<>();

    @Override
    public synchronized boolean apply(EventEnvelope envelope) {
        if (!redeliveries.isNew(envelope)) {
            return false;
        }
        String aggregate = envelope.aggregateId();
        var received = Envelopes.data(envelope, ComplaintReceivedEvent.class);
        if (received.isPresent()) {
            if (received.get().severity() == Severity.MAJOR) {
                subjects.put(received.get().complaintId(), received.get().subject());
            }
            return false;
        }
        var escalated = Envelopes.data(envelope, ComplaintEscalatedEvent.class);
        if (escalated.isPresent()) {
            ComplaintEscalatedEvent e = escalated.get();
            if (e.severity() != Severity.MAJOR) {
                return false;
            }
            escalations.put(e.complaintId(), new Escalation(e.complaintId(), e.number(),
                    subjects.remove(e.complaintId()), e.reason(), e.escalatedBy(), e.escalatedAt(), "ESCALATED", null,
                    null, null, List.of()));
            return true;
        }
        Escalation current = aggregate == null ? null : escalations.get(aggregate);
        if (current == null) {
            return false;
        }
        var acknowledged = Envelopes.data(envelope, EscalationAcknowledgedEvent.class);
        if (acknowledged.isPresent()) {
            EscalationAcknowledgedEvent e = acknowledged.get();
            escalations.put(aggregate, new Escalation(current.complaintId(), current.number(), current.subject(),
                    current.reason(), current.escalatedBy(), current.escalatedAt(), current.status(),
                    current.department(), e.acknowledgedBy(), e.acknowledgedAt(), current.instructions()));
            return true;
        }
        var given = Envelopes.data(envelope, SupervisorInstructionsRecordedEvent.class);
        if (given.isPresent()) {
            SupervisorInstructionsRecordedEvent e = given.get();
            List<Instruction> instructions = new ArrayList<>(current.instructions());
            instructions.add(new Instruction(e.instructions(), e.givenBy(), e.givenAt()));
            escalations.put(aggregate, new Escalation(current.complaintId(), current.number(), current.subject(),
                    current.reason(), current.escalatedBy(), current.escalatedAt(), current.status(),
                    current.department(), current.acknowledgedBy(), current.acknowledgedAt(),
                    List.copyOf(instructions)));
            return true;
        }
        var assigned = Envelopes.data(envelope, ComplaintAssignedEvent.class);
        if (assigned.isPresent()) {
            escalations.put(aggregate, current.with("ASSIGNED", assigned.get().department()));
            return true;
        }
        if (Envelopes.data(envelope, ComplaintResolvedEvent.class).isPresent()) {
            escalations.put(aggregate, current.with("RESOLVED", current.department()));
            return true;
        }
        if (Envelopes.data(envelope, ComplaintReopenedEvent.class).isPresent()) {
            escalations.put(aggregate, current.with("ASSIGNED", current.department()));
            return true;
        }
        if (Envelopes.data(envelope, ComplaintArchivedEvent.class).isPresent()) {
            escalations.remove(aggregate);
            return true;
        }
        return false;
    }

    /** The inbox: not yet acknowledged first, each group oldest escalation first. */
    /** The same inbox for every role that may watch it. */
    @Override
    public Inbox view(boolean complete, List<String> roles) {
        return new Inbox(complete, inbox());
    }

    synchronized List<Escalation> inbox() {
        return escalations.values().stream().sorted(INBOX_ORDER).toList();
    }
}
