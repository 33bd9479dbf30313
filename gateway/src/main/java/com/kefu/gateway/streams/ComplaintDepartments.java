package com.kefu.gateway.streams;

import com.kefu.gateway.topics.Envelopes;
import com.kefu.complaint.api.ComplaintAcknowledgedEvent;
import com.kefu.complaint.api.ComplaintArchivedEvent;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintDeadlineApproachingEvent;
import com.kefu.complaint.api.ComplaintDeadlineMissedEvent;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.ComplaintReopenedEvent;
import com.kefu.complaint.api.ComplaintResolvedEvent;
import com.kefu.platform.contracts.EventEnvelope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each record of {@code complaint.events} tells which department. "Reassigned away" needs the department a
 * complaint had before the record, so this remembers, per complaint, at which offset it went to which department
 * (a complaint's records all share one partition: its id is the key). With those offsets the same answer comes out
 * whether a record is read live or again later for a client catching up.
 * <p>
 * {@link #learn} is called by one thread, record by record in offset order; {@link #notices} by any thread, for
 * records up to the last one learnt.
 */
final class ComplaintDepartments {

    static final String ASSIGNED = "complaint-assigned";
    static final String REASSIGNED = "complaint-reassigned";
    static final String REOPENED = "complaint-reopened";
    static final String ACKNOWLEDGED = "complaint-acknowledged";
    static final String RESOLVED = "complaint-resolved";
    static final String DEADLINE_MISSED = "complaint-deadline-missed";
    static final String DEADLINE_APPROACHING = "complaint-deadline-approaching";
    static final String ARCHIVED = "complaint-archived";

    private static final String COMPLAINT_TYPES = "Complaint";

    /** A department a complaint went to, at which offset of its partition. */
    private record Move(long offset, String department) {
    }

    /** Immutable: replaced whole, so that readers on other threads see one consistent value. */
    private record Track(String number, long lastSequence, List<Move> moves) {

        String departmentBefore(long offset) {
            String department = null;
            for (Move move : moves) {
                if (move.offset() < offset) {
                    department = move.department();
                }
            }
            return department;
        }
    }

    private final Map<String, Track> complaints = new ConcurrentHashMap<>();
    /** Offsets of records published twice (the relay is at-least-once), per partition: they tell nothing again. */
    private final Map<Integer, Set<Long>> republished = new ConcurrentHashMap<>();

    void learn(int partition, long offset, EventEnvelope envelope) {
        if (!envelope.type().startsWith(COMPLAINT_TYPES) || envelope.aggregateId() == null) {
            return;
        }
        Track track = complaints.get(envelope.aggregateId());
        if (track != null && envelope.sequence() <= track.lastSequence()) {
            republished.computeIfAbsent(partition, p -> ConcurrentHashMap.newKeySet()).add(offset);
            return;
        }
        String number = track == null ? null : track.number();
        List<Move> moves = track == null ? List.of() : track.moves();
        Optional<ComplaintReceivedEvent> received = Envelopes.data(envelope, ComplaintReceivedEvent.class);
        if (received.isPresent()) {
            number = received.get().number();
        }
        Optional<ComplaintAssignedEvent> assigned = Envelopes.data(envelope, ComplaintAssignedEvent.class);
        if (assigned.isPresent()) {
            number = assigned.get().number();
            List<Move> moved = new ArrayList<>(moves);
            moved.add(new Move(offset, assigned.get().department()));
            moves = List.copyOf(moved);
        }
        complaints.put(envelope.aggregateId(), new Track(number, envelope.sequence(), moves));
    }

    List<DepartmentNotice> notices(int partition, long offset, EventEnvelope envelope) {
        if (!envelope.type().startsWith(COMPLAINT_TYPES) || envelope.aggregateId() == null
                || republished.getOrDefault(partition, Set.of()).contains(offset)) {
            return List.of();
        }
        Track track = complaints.get(envelope.aggregateId());
        String number = track == null ? null : track.number();
        String before = track == null ? null : track.departmentBefore(offset);

        var assigned = Envelopes.data(envelope, ComplaintAssignedEvent.class);
        if (assigned.isPresent()) {
            ComplaintAssignedEvent event = assigned.get();
            List<DepartmentNotice> notices = new ArrayList<>();
            Map<String, Object> data = common(envelope, event.number(), event.department());
            data.put("priority", event.priority());
            data.put("instructions", event.instructions());
            notices.add(new DepartmentNotice(event.department(), ASSIGNED, data));
            if (before != null && !before.equals(event.department())) {
                Map<String, Object> away = common(envelope, event.number(), before);
                away.put("reassignedTo", event.department());
                notices.add(new DepartmentNotice(before, REASSIGNED, away));
            }
            return notices;
        }
        var reopened = Envelopes.data(envelope, ComplaintReopenedEvent.class);
        if (reopened.isPresent()) {
            Map<String, Object> data = common(envelope, number, reopened.get().department());
            data.put("reason", reopened.get().reason());
            return List.of(new DepartmentNotice(reopened.get().department(), REOPENED, data));
        }
        var acknowledged = Envelopes.data(envelope, ComplaintAcknowledgedEvent.class);
        if (acknowledged.isPresent()) {
            String department = acknowledged.get().department();
            return List.of(new DepartmentNotice(department, ACKNOWLEDGED, common(envelope, number, department)));
        }
        var resolved = Envelopes.data(envelope, ComplaintResolvedEvent.class);
        if (resolved.isPresent()) {
            String department = resolved.get().department();
            return List.of(new DepartmentNotice(department, RESOLVED, common(envelope, number, department)));
        }
        var missed = Envelopes.data(envelope, ComplaintDeadlineMissedEvent.class);
        if (missed.isPresent() && missed.get().department() != null) {
            ComplaintDeadlineMissedEvent event = missed.get();
            Map<String, Object> data = common(envelope, event.number(), event.department());
            data.put("stage", event.stage());
            data.put("dueAt", event.dueAt());
            data.put("priority", event.priority());
            return List.of(new DepartmentNotice(event.department(), DEADLINE_MISSED, data));
        }
        var approaching = Envelopes.data(envelope, ComplaintDeadlineApproachingEvent.class);
        if (approaching.isPresent() && approaching.get().department() != null) {
            ComplaintDeadlineApproachingEvent event = approaching.get();
            Map<String, Object> data = common(envelope, event.number(), event.department());
            data.put("stage", event.stage());
            data.put("dueAt", event.dueAt());
            data.put("priority", event.priority());
            return List.of(new DepartmentNotice(event.department(), DEADLINE_APPROACHING, data));
        }
        if (before != null && Envelopes.data(envelope, ComplaintArchivedEvent.class).isPresent()) {
            return List.of(new DepartmentNotice(before, ARCHIVED, common(envelope, number, before)));
        }
        return List.of();
    }

    private static Map<String, Object> common(EventEnvelope envelope, String number, String department) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventId", envelope.id());
        data.put("type", envelope.type());
        data.put("complaintId", envelope.aggregateId());
        data.put("number", number);
        data.put("department", department);
        data.put("occurredAt", envelope.occurredAt());
        data.put("actor", envelope.actor());
        return data;
    }
}
