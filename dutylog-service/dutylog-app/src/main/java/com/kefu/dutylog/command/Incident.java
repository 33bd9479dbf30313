package com.kefu.dutylog.command;

import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.IncidentPhotoAttachedEvent;
import com.kefu.dutylog.api.IncidentReportedEvent;
import com.kefu.dutylog.api.IncidentResolvedEvent;
import com.kefu.dutylog.command.IncidentCommands.AttachPhotoCommand;
import com.kefu.dutylog.command.IncidentCommands.ReportIncidentCommand;
import com.kefu.dutylog.command.IncidentCommands.ResolveIncidentCommand;
import com.kefu.platform.web.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An emergency incident form (《紧急情况处理登记表》, D4): reported, with on-site photos, resolved once. A fire is a
 * major incident and tells where it burns and what (D10).
 */
@Aggregate
public class Incident {

    @AggregateIdentifier
    private String incidentId;
    private boolean major;
    private int photos;
    private boolean resolved;

    protected Incident() {
    }

    @CommandHandler
    public Incident(ReportIncidentCommand command) {
        boolean fire = command.category() == EntryCategory.FIRE;
        if (fire && command.fire() == null) {
            throw new IllegalArgumentException(
                    "a fire is reported with where it burns and what (fire.fireLocation, fire.burning) (D10)");
        }
        apply(new IncidentReportedEvent(command.incidentId(), command.shiftId(), command.category(),
                fire || command.major(), command.reporter(), command.location(), command.description(),
                fire ? command.fire() : null, command.occurredAt(), command.reportedBy(), command.reportedAt()));
    }

    @CommandHandler
    void handle(AttachPhotoCommand command) {
        apply(new IncidentPhotoAttachedEvent(incidentId, command.photoId(), command.contentType(), command.size(),
                command.sha256(), command.attachedBy(), command.attachedAt()));
    }

    @CommandHandler
    void handle(ResolveIncidentCommand command) {
        if (resolved) {
            throw new RuleViolation("incident-resolved", "incident " + incidentId + " is already resolved");
        }
        if (major && photos == 0) {
            throw new RuleViolation("incident-needs-photos", "incident " + incidentId
                    + " is a major event: its form needs on-site photos before it is resolved (D4)");
        }
        apply(new IncidentResolvedEvent(incidentId, command.outcome(), command.resolvedBy(), command.resolvedAt()));
    }

    @EventSourcingHandler
    void on(IncidentReportedEvent event) {
        incidentId = event.incidentId();
        major = event.major();
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
