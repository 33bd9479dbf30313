package com.kefu.dutylog.command;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.IncidentPhotoAttachedEvent;
import com.kefu.dutylog.api.IncidentNoticeAcknowledgedEvent;
import com.kefu.dutylog.api.IncidentNoticeSentEvent;
import com.kefu.dutylog.api.IncidentReportedEvent;
import com.kefu.dutylog.api.IncidentResolvedEvent;
import com.kefu.dutylog.command.IncidentCommands.AcknowledgeNoticeCommand;
import com.kefu.dutylog.command.IncidentCommands.AttachPhotoCommand;
import com.kefu.dutylog.command.IncidentCommands.MarkFireStepNotNeededCommand;
import com.kefu.dutylog.command.IncidentCommands.TickFireStepCommand;
import com.kefu.dutylog.command.IncidentCommands.ReportIncidentCommand;
import com.kefu.dutylog.command.IncidentCommands.ResolveIncidentCommand;
import com.kefu.dutylog.api.FireChecklistOpenedEvent;
import com.kefu.dutylog.api.FireStep;
import com.kefu.dutylog.api.FireStepDoneEvent;
import com.kefu.dutylog.api.FireStepNotNeededEvent;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An emergency incident form (《紧急情况处理登记表》, D4): reported, with on-site photos, resolved once. A fire is a
 * major incident and tells where it burns and what (D10); its checklist (篇2 T1, D13) is done step by step, and it is
 * resolved only once every step is done or marked not needed with a reason. A guest taken ill or drunk, or an
 * accident to a guest or to staff ({@link com.kefu.dutylog.api.IncidentKind}) sends the CS manager and the CS head a
 * notice at once, which each acknowledges (篇2 B3, D14).
 */
@Aggregate
public class Incident {

    @AggregateIdentifier
    private String incidentId;
    private boolean major;
    private int photos;
    private boolean resolved;
    /** A fire's steps (D13); null for other incidents, and for fires reported before the checklist existed. */
    private FireChecklist checklist;
    /** Who is to be told at once (D14); null for incidents of no {@code IncidentKind}. */
    private IncidentNotice notice;

    protected Incident() {
    }

    @CommandHandler
    public Incident(ReportIncidentCommand command) {
        boolean fire = command.category() == EntryCategory.FIRE;
        if (fire && command.fire() == null) {
            throw new InvalidRequest(
                    "a fire is reported with where it burns and what (fire.fireLocation, fire.burning) (D10)");
        }
        apply(new IncidentReportedEvent(command.incidentId(), command.shiftId(), command.category(),
                fire || command.major(), command.reporter(), command.location(), command.description(),
                fire ? command.fire() : null, command.occurredAt(), command.reportedBy(), command.reportedAt()));
        if (fire) {
            apply(new FireChecklistOpenedEvent(command.incidentId(), command.heading(), command.reportedAt()));
        }
        if (command.kind() != null) {
            apply(new IncidentNoticeSentEvent(command.incidentId(), command.kind(), command.category(),
                    command.location(), command.description(), command.reporter(), command.occurredAt(),
                    IncidentNotice.NOTIFY, command.reportedBy(), command.reportedAt()));
        }
    }

    /** For each role of the caller's still to be told; also after the incident is resolved (being told is a fact). */
    @CommandHandler
    void handle(AcknowledgeNoticeCommand command) {
        if (notice == null) {
            throw new RuleViolation("no-notice", "incident " + incidentId + " is of no kind the CS manager and the CS "
                    + "head are told of at once: it has no notice to acknowledge (D14)");
        }
        notice.toAcknowledge(incidentId, command.roles()).forEach(role -> apply(new IncidentNoticeAcknowledgedEvent(
                incidentId, role, command.acknowledgedBy(), command.acknowledgedAt())));
    }

    @CommandHandler
    void handle(TickFireStepCommand command) {
        requireOpenStep(command.step());
        apply(new FireStepDoneEvent(incidentId, command.step(), command.note(), command.doneBy(), command.doneAt()));
    }

    @CommandHandler
    void handle(MarkFireStepNotNeededCommand command) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidRequest("reason: a step of the fire checklist is not needed only for a reason "
                    + "(D13)");
        }
        requireOpenStep(command.step());
        apply(new FireStepNotNeededEvent(incidentId, command.step(), command.reason(), command.markedBy(),
                command.markedAt()));
    }

    private void requireOpenStep(FireStep step) {
        if (checklist == null) {
            throw new RuleViolation("not-a-fire", "incident " + incidentId + " is no fire reported with its "
                    + "checklist: it has no fire steps (D13)");
        }
        requireUnresolved();
        checklist.requireOpen(incidentId, step);
    }

    private void requireUnresolved() {
        if (resolved) {
            throw new RuleViolation("incident-resolved", "incident " + incidentId + " is already resolved");
        }
    }

    @CommandHandler
    void handle(AttachPhotoCommand command) {
        apply(new IncidentPhotoAttachedEvent(incidentId, command.photoId(), command.contentType(), command.size(),
                command.sha256(), command.attachedBy(), command.attachedAt()));
    }

    @CommandHandler
    void handle(ResolveIncidentCommand command) {
        requireUnresolved();
        if (major && photos == 0) {
            throw new RuleViolation("incident-needs-photos", "incident " + incidentId
                    + " is a major event: its form needs on-site photos before it is resolved (D4)");
        }
        if (checklist != null) {
            checklist.requireNoneOpen(incidentId);
        }
        apply(new IncidentResolvedEvent(incidentId, command.outcome(), command.resolvedBy(), command.resolvedAt()));
    }

    @EventSourcingHandler
    void on(IncidentReportedEvent event) {
        incidentId = event.incidentId();
        major = event.major();
    }

    @EventSourcingHandler
    void on(FireChecklistOpenedEvent event) {
        checklist = new FireChecklist();
    }

    @EventSourcingHandler
    void on(IncidentNoticeSentEvent event) {
        notice = new IncidentNotice();
    }

    @EventSourcingHandler
    void on(IncidentNoticeAcknowledgedEvent event) {
        notice.told(event.role(), "by " + event.acknowledgedBy() + " at " + event.acknowledgedAt());
    }

    @EventSourcingHandler
    void on(FireStepDoneEvent event) {
        checklist.record(event.step(), "done by " + event.doneBy() + " at " + event.doneAt());
    }

    @EventSourcingHandler
    void on(FireStepNotNeededEvent event) {
        checklist.record(event.step(), "marked not needed by " + event.markedBy() + " at " + event.markedAt());
    }

    @EventSourcingHandler
    void on(IncidentPhotoAttachedEvent event) {
        photos++;
    }

    @EventSourcingHandler
    void on(IncidentResolvedEvent event) {
        resolved = true;
    }
}
