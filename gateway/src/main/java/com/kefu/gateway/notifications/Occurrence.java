package com.kefu.gateway.notifications;

import com.kefu.broadcast.api.ScriptSubmittedEvent;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintDeadlineApproachingEvent;
import com.kefu.complaint.api.ComplaintDeadlineMissedEvent;
import com.kefu.complaint.api.ComplaintEscalatedEvent;
import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.IncidentReportedEvent;
import com.kefu.gateway.topics.Envelopes;
import com.kefu.platform.contracts.EventEnvelope;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An event that is one of the {@link NotificationKind}s, with what its notification says: {@code facts} by the
 * label's key ({@code number}, {@code stage}, {@code dueAt}, …) in the order the mail lists them, and the console's
 * page for it ({@code page}, after the console's {@code #}). Only what the published events carry, and of that no
 * personal data: no customer, no reporter, no free text a person wrote (instructions, reasons).
 */
record Occurrence(UUID eventId, String eventType, NotificationKind kind, String department,
                  Map<String, Object> facts, String page) {

    /** The occurrence the envelope is, if it is one of the kinds. */
    static Optional<Occurrence> of(EventEnvelope envelope) {
        var assigned = Envelopes.data(envelope, ComplaintAssignedEvent.class);
        if (assigned.isPresent()) {
            ComplaintAssignedEvent event = assigned.get();
            return complaint(envelope, NotificationKind.ASSIGNED, event.complaintId(), event.number(),
                    event.department(), null, "priority", String.valueOf(event.priority()), null);
        }
        var approaching = Envelopes.data(envelope, ComplaintDeadlineApproachingEvent.class);
        if (approaching.isPresent()) {
            ComplaintDeadlineApproachingEvent event = approaching.get();
            return complaint(envelope, NotificationKind.DEADLINE_APPROACHING, event.complaintId(), event.number(),
                    event.department(), event.stage(), "priority", String.valueOf(event.priority()), event.dueAt());
        }
        var missed = Envelopes.data(envelope, ComplaintDeadlineMissedEvent.class);
        if (missed.isPresent()) {
            ComplaintDeadlineMissedEvent event = missed.get();
            return complaint(envelope, NotificationKind.DEADLINE_MISSED, event.complaintId(), event.number(),
                    event.department(), event.stage(), "priority", String.valueOf(event.priority()), event.dueAt());
        }
        var escalated = Envelopes.data(envelope, ComplaintEscalatedEvent.class);
        if (escalated.isPresent()) {
            ComplaintEscalatedEvent event = escalated.get();
            return complaint(envelope, NotificationKind.ESCALATED, event.complaintId(), event.number(), null, null,
                    "severity", String.valueOf(event.severity()), null);
        }
        var incident = Envelopes.data(envelope, IncidentReportedEvent.class);
        if (incident.isPresent() && incident.get().category() == EntryCategory.FIRE) {
            IncidentReportedEvent event = incident.get();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("place", event.fire() != null && event.fire().fireLocation() != null
                    ? event.fire().fireLocation() : event.location());
            if (event.fire() != null && event.fire().burning() != null) {
                facts.put("burning", event.fire().burning());
            }
            facts.put("reportedAt", event.reportedAt());
            return Optional.of(new Occurrence(envelope.id(), envelope.type(), NotificationKind.FIRE, null, facts,
                    "/desk/incidents/" + event.incidentId()));
        }
        var submitted = Envelopes.data(envelope, ScriptSubmittedEvent.class);
        if (submitted.isPresent()) {
            ScriptSubmittedEvent event = submitted.get();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("script", event.scriptId());
            facts.put("version", event.version());
            facts.put("submittedBy", event.submittedBy());
            facts.put("submittedAt", event.submittedAt());
            return Optional.of(new Occurrence(envelope.id(), envelope.type(), NotificationKind.SCRIPT_AWAITING_APPROVAL,
                    null, facts, "/broadcast/approvals"));
        }
        return Optional.empty();
    }

    private static Optional<Occurrence> complaint(EventEnvelope envelope, NotificationKind kind, String complaintId,
                                                  String number, String department, String stage, String level,
                                                  String levelValue, Instant dueAt) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("number", number);
        if (department != null) {
            facts.put("department", department);
        }
        if (stage != null) {
            facts.put("stage", stage);
        }
        facts.put(level, levelValue);
        if (dueAt != null) {
            facts.put("dueAt", dueAt);
        }
        String page = kind == NotificationKind.ESCALATED ? "/escalations" : "/complaints/" + complaintId;
        return Optional.of(new Occurrence(envelope.id(), envelope.type(), kind, department, facts, page));
    }
}
