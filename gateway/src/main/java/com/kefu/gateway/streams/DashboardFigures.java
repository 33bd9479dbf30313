package com.kefu.gateway.streams;

import com.kefu.gateway.topics.Envelopes;
import com.kefu.complaint.api.ComplaintArchivedEvent;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintDeadlineApproachingEvent;
import com.kefu.complaint.api.ComplaintDeadlineMissedEvent;
import com.kefu.complaint.api.ComplaintEscalatedEvent;
import com.kefu.complaint.api.ComplaintFollowedUpEvent;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.ComplaintReopenedEvent;
import com.kefu.complaint.api.ComplaintResolvedEvent;
import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.FireStep;
import com.kefu.dutylog.api.FireStepDoneEvent;
import com.kefu.dutylog.api.FireStepNotNeededEvent;
import com.kefu.dutylog.api.IncidentReportedEvent;
import com.kefu.dutylog.api.IncidentResolvedEvent;
import com.kefu.dutylog.api.ShiftHandedOverEvent;
import com.kefu.dutylog.api.ShiftOpenedEvent;
import com.kefu.platform.contracts.EventEnvelope;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The managers' live figures, rebuilt from the events alone: open (not yet archived) complaints by state and by
 * department, deadlines missed today in the mall's time zone, the stages warned of (C17: four fifths of their time
 * gone, the complaint still in them and the deadline not yet missed; due soonest first), open incidents, the open fires with their checklist (D13:
 * each step done, by whom and when, not needed and why, or still open) and the shifts now open. An event
 * published twice (the relay is at-least-once) counts once: per aggregate, only a higher sequence is applied.
 */
final class DashboardFigures {

    /** The complaint states of complaint-service's workflow that are still open, in the workflow's order. */
    static final List<String> OPEN_STATES = List.of("RECEIVED", "ESCALATED", "ASSIGNED", "RESOLVED", "FOLLOWED_UP");
    private static final String ARCHIVED = "ARCHIVED";

    record Figures(Instant asOf, boolean complete, OpenComplaints openComplaints,
                   MissedDeadlines deadlinesMissedToday, List<Approaching> deadlinesApproaching,
                   OpenIncidents openIncidents, List<Fire> openFires, List<Shift> currentShifts) {
    }

    /** A stage warned of (C17): the complaint is still in it and its deadline is not yet missed. */
    record Approaching(String complaintId, String number, String stage, String priority, String department,
                       Instant dueAt, Instant warnedAt) {
    }

    /**
     * A fire not yet resolved (D13): where it burns, when it was reported, its checklist in the rulebook's order and
     * the steps still open (neither done nor marked not needed).
     */
    record Fire(String incidentId, String place, Instant reportedAt, List<FireStepState> steps, List<String> open) {
    }

    /** {@code status} OPEN, DONE or NOT_NEEDED; {@code by} and {@code at}: who ticked it and when; {@code reason}. */
    record FireStepState(String step, String status, String by, Instant at, String reason) {

        static FireStepState open(FireStep step) {
            return new FireStepState(step.name(), "OPEN", null, null, null);
        }
    }

    record OpenComplaints(int total, Map<String, Integer> byState, Map<String, Integer> byDepartment) {
    }

    record MissedDeadlines(LocalDate date, int count) {
    }

    record OpenIncidents(int count, List<Incident> incidents) {
    }

    record Incident(String id, String category, boolean major, String location, Instant reportedAt) {
    }

    record Shift(String id, String post, LocalDate date, String openedBy, Instant openedAt) {
    }

    private record Complaint(String state, String department) {
    }

    private final ZoneId zone;
    private final Redeliveries redeliveries = new Redeliveries();
    private final Map<String, Complaint> complaints = new HashMap<>();
    private final Map<LocalDate, Integer> missedByDay = new HashMap<>();
    private final Map<String, Approaching> approaching = new HashMap<>();
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private final Map<String, Shift> shifts = new LinkedHashMap<>();
    private final Map<String, Fire> fires = new LinkedHashMap<>();

    DashboardFigures(ZoneId zone) {
        this.zone = zone;
    }

    /** Answers whether the figures changed. */
    synchronized boolean apply(EventEnvelope envelope) {
        if (!redeliveries.isNew(envelope)) {
            return false;
        }
        return applyComplaint(envelope) || applyDutyLog(envelope);
    }

    private boolean applyComplaint(EventEnvelope envelope) {
        var received = Envelopes.data(envelope, ComplaintReceivedEvent.class);
        if (received.isPresent()) {
            return move(received.get().complaintId(), "RECEIVED", null);
        }
        var escalated = Envelopes.data(envelope, ComplaintEscalatedEvent.class);
        if (escalated.isPresent()) {
            return move(escalated.get().complaintId(), "ESCALATED", null);
        }
        var assigned = Envelopes.data(envelope, ComplaintAssignedEvent.class);
        if (assigned.isPresent()) {
            return move(assigned.get().complaintId(), "ASSIGNED", assigned.get().department());
        }
        var resolved = Envelopes.data(envelope, ComplaintResolvedEvent.class);
        if (resolved.isPresent()) {
            return move(resolved.get().complaintId(), "RESOLVED", null);
        }
        var followedUp = Envelopes.data(envelope, ComplaintFollowedUpEvent.class);
        if (followedUp.isPresent()) {
            // an unsatisfied customer's follow-up is followed by ComplaintReopened, which moves the complaint
            return followedUp.get().satisfied() && move(followedUp.get().complaintId(), "FOLLOWED_UP", null);
        }
        var reopened = Envelopes.data(envelope, ComplaintReopenedEvent.class);
        if (reopened.isPresent()) {
            return move(reopened.get().complaintId(), "ASSIGNED", reopened.get().department());
        }
        var archived = Envelopes.data(envelope, ComplaintArchivedEvent.class);
        if (archived.isPresent()) {
            return move(archived.get().complaintId(), ARCHIVED, null);
        }
        var missed = Envelopes.data(envelope, ComplaintDeadlineMissedEvent.class);
        if (missed.isPresent()) {
            missedByDay.merge(LocalDate.ofInstant(missed.get().missedAt(), zone), 1, Integer::sum);
            approaching.remove(missed.get().complaintId());
            return true;
        }
        var warned = Envelopes.data(envelope, ComplaintDeadlineApproachingEvent.class);
        if (warned.isPresent()) {
            ComplaintDeadlineApproachingEvent event = warned.get();
            approaching.put(event.complaintId(), new Approaching(event.complaintId(), event.number(), event.stage(),
                    event.priority() == null ? null : event.priority().name(), event.department(), event.dueAt(),
                    event.warnedAt()));
            return true;
        }
        return false;
    }

    private boolean applyDutyLog(EventEnvelope envelope) {
        var reported = Envelopes.data(envelope, IncidentReportedEvent.class);
        if (reported.isPresent()) {
            IncidentReportedEvent event = reported.get();
            incidents.put(event.incidentId(), new Incident(event.incidentId(), String.valueOf(event.category()),
                    event.major(), event.location(), event.reportedAt()));
            if (event.category() == EntryCategory.FIRE) {
                List<FireStepState> steps = new ArrayList<>();
                for (FireStep step : FireStep.values()) {
                    steps.add(FireStepState.open(step));
                }
                String place = event.fire() != null ? event.fire().fireLocation() : event.location();
                fires.put(event.incidentId(), new Fire(event.incidentId(), place, event.reportedAt(), steps, List.of()));
            }
            return true;
        }
        var stepDone = Envelopes.data(envelope, FireStepDoneEvent.class);
        if (stepDone.isPresent()) {
            FireStepDoneEvent event = stepDone.get();
            return tick(event.incidentId(), new FireStepState(event.step().name(), "DONE", event.doneBy(),
                    event.doneAt(), null));
        }
        var stepNotNeeded = Envelopes.data(envelope, FireStepNotNeededEvent.class);
        if (stepNotNeeded.isPresent()) {
            FireStepNotNeededEvent event = stepNotNeeded.get();
            return tick(event.incidentId(), new FireStepState(event.step().name(), "NOT_NEEDED", event.markedBy(),
                    event.markedAt(), event.reason()));
        }
        var incidentResolved = Envelopes.data(envelope, IncidentResolvedEvent.class);
        if (incidentResolved.isPresent()) {
            fires.remove(incidentResolved.get().incidentId());
            return incidents.remove(incidentResolved.get().incidentId()) != null;
        }
        var opened = Envelopes.data(envelope, ShiftOpenedEvent.class);
        if (opened.isPresent()) {
            ShiftOpenedEvent event = opened.get();
            shifts.put(event.shiftId(), new Shift(event.shiftId(), event.post(), event.date(), event.openedBy(),
                    event.openedAt()));
            return true;
        }
        var handedOver = Envelopes.data(envelope, ShiftHandedOverEvent.class);
        if (handedOver.isPresent()) {
            return shifts.remove(handedOver.get().shiftId()) != null;
        }
        return false;
    }

    private boolean tick(String incidentId, FireStepState ticked) {
        Fire fire = fires.get(incidentId);
        if (fire == null) {
            return false;
        }
        List<FireStepState> steps = new ArrayList<>(fire.steps());
        steps.replaceAll(step -> step.step().equals(ticked.step()) ? ticked : step);
        fires.put(incidentId, new Fire(incidentId, fire.place(), fire.reportedAt(), steps, List.of()));
        return true;
    }

    private static Fire withOpenSteps(Fire fire) {
        List<String> open = fire.steps().stream().filter(step -> "OPEN".equals(step.status()))
                .map(FireStepState::step).toList();
        return new Fire(fire.incidentId(), fire.place(), fire.reportedAt(), List.copyOf(fire.steps()), open);
    }

    /** Keeps the department when the event names none (a complaint stays with its department until archived). */
    private boolean move(String complaintId, String state, String department) {
        Complaint before = complaints.get(complaintId);
        String keptDepartment = department != null ? department : before == null ? null : before.department();
        Complaint after = new Complaint(state, keptDepartment);
        complaints.put(complaintId, after);
        boolean leftWarnedStage = approaching.remove(complaintId) != null; // a stage entered again starts afresh
        return !after.equals(before) || leftWarnedStage;
    }

    synchronized Figures snapshot(Instant now, boolean complete) {
        Map<String, Integer> byState = new LinkedHashMap<>();
        OPEN_STATES.forEach(state -> byState.put(state, 0));
        Map<String, Integer> byDepartment = new TreeMap<>();
        int total = 0;
        for (Complaint complaint : complaints.values()) {
            if (ARCHIVED.equals(complaint.state())) {
                continue;
            }
            total++;
            byState.merge(complaint.state(), 1, Integer::sum);
            if (complaint.department() != null) {
                byDepartment.merge(complaint.department(), 1, Integer::sum);
            }
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        return new Figures(now, complete, new OpenComplaints(total, byState, byDepartment),
                new MissedDeadlines(today, missedByDay.getOrDefault(today, 0)),
                approaching.values().stream().sorted(Comparator.comparing(Approaching::dueAt)
                        .thenComparing(Approaching::complaintId)).toList(),
                new OpenIncidents(incidents.size(), incidents.values().stream().sorted(Comparator
                        .comparing(Incident::reportedAt).thenComparing(Incident::id)).toList()),
                fires.values().stream().sorted(Comparator.comparing(Fire::reportedAt)
                        .thenComparing(Fire::incidentId)).map(DashboardFigures::withOpenSteps).toList(),
                shifts.values().stream().sorted(Comparator.comparing(Shift::openedAt)
                        .thenComparing(Shift::id)).toList());
    }

    LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }
}
