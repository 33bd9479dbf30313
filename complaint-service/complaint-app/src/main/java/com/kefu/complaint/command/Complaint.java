package com.kefu.complaint.command;

import com.kefu.complaint.api.ComplaintAcknowledgedEvent;
import com.kefu.complaint.api.ComplaintArchivedEvent;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintAttachmentAddedEvent;
import com.kefu.complaint.api.ComplaintDeadlineApproachingEvent;
import com.kefu.complaint.api.ComplaintDeadlineMissedEvent;
import com.kefu.complaint.api.ComplaintEscalatedEvent;
import com.kefu.complaint.api.ComplaintFollowedUpEvent;
import com.kefu.complaint.api.ComplaintProgressRecordedEvent;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.ComplaintReopenedEvent;
import com.kefu.complaint.api.ComplaintResolvedEvent;
import com.kefu.complaint.api.ComplaintRulingRecordedEvent;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.Dispute;
import com.kefu.complaint.api.EscalationAcknowledgedEvent;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import com.kefu.complaint.api.SupervisorInstructionsRecordedEvent;
import com.kefu.complaint.command.AttachmentCommands.AddComplaintAttachmentCommand;
import com.kefu.complaint.command.WorkflowCommands.AcknowledgeComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.AcknowledgeEscalationCommand;
import com.kefu.complaint.command.WorkflowCommands.ArchiveComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.AssignComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.ErasePersonalDataCommand;
import com.kefu.complaint.command.WorkflowCommands.EscalateComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.FollowUpComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordDeadlineApproachingCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordDeadlineMissedCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordProgressCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordRulingCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordSupervisorInstructionsCommand;
import com.kefu.complaint.command.WorkflowCommands.ResolveComplaintCommand;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.privacy.PersonalDataErasedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static com.kefu.complaint.command.ComplaintStatus.ARCHIVED;
import static com.kefu.complaint.command.ComplaintStatus.ASSIGNED;
import static com.kefu.complaint.command.ComplaintStatus.ESCALATED;
import static com.kefu.complaint.command.ComplaintStatus.FOLLOWED_UP;
import static com.kefu.complaint.command.ComplaintStatus.RECEIVED;
import static com.kefu.complaint.command.ComplaintStatus.RESOLVED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's complaint, from intake to archive. Each command handler is a guard, then what happened: the workflow's
 * steps are {@link ComplaintStatus}'s, a department's part {@link Handling}'s, the supervisor's {@link Escalation}'s,
 * the deadlines {@link Stage}'s and the closing follow-up {@link FollowUp}'s.
 */
@Aggregate
public class Complaint {

    @AggregateIdentifier
    private String complaintId;
    private String number;
    private Severity severity;
    private Priority priority;
    private Dispute dispute;
    private String department;
    private boolean acknowledged;
    private Escalation escalation = Escalation.NONE;
    private Stage stage;

    protected Complaint() {
    }

    @CommandHandler
    public Complaint(RegisterComplaintCommand command) {
        apply(new ComplaintReceivedEvent(command.complaintId(), command.number(), command.channel(),
                command.category(), command.severity(), command.priority(),
                new CustomerReference(command.customerName(), Masking.phone(command.customerPhone()),
                        command.memberId()),
                command.merchant(), command.subject(), command.description(), command.receivedBy(),
                command.receivedAt(), command.dispute(), command.customerPhone()));
    }

    @CommandHandler
    ComplaintStatus handle(EscalateComplaintCommand command) {
        status().requireMove(number, ESCALATED, "escalated");
        apply(new ComplaintEscalatedEvent(complaintId, number, severity, command.reason(), command.actor(),
                command.at()));
        return status();
    }

    @CommandHandler
    ComplaintStatus handle(AcknowledgeEscalationCommand command) {
        escalation.requireOpen(number, status(), command.bySupervisor());
        apply(new EscalationAcknowledgedEvent(complaintId, number, severity, command.actor(), command.at()));
        return status();
    }

    @CommandHandler
    ComplaintStatus handle(RecordSupervisorInstructionsCommand command) {
        Escalation.requireInstructions(command.instructions());
        escalation.requireSupervisor(number, status(), command.bySupervisor(), "given instructions");
        apply(new SupervisorInstructionsRecordedEvent(complaintId, number, severity, command.instructions().strip(),
                command.actor(), command.at()));
        return status();
    }

    @CommandHandler
    ComplaintStatus handle(AssignComplaintCommand command) {
        handling().requireAssignable(command.byHead());
        apply(new ComplaintAssignedEvent(complaintId, number, command.department(), command.instructions(), priority,
                command.actor(), command.at()));
        return status();
    }

    @CommandHandler
    ComplaintStatus handle(AcknowledgeComplaintCommand command) {
        handling().requireAcknowledgeable(command.actingDepartment());
        apply(new ComplaintAcknowledgedEvent(complaintId, department, command.note(), command.actor(), command.at()));
        return status();
    }

    @CommandHandler
    ComplaintStatus handle(RecordProgressCommand command) {
        handling().requireHeldBy(command.actingDepartment());
        apply(new ComplaintProgressRecordedEvent(complaintId, department, command.note(), command.actor(),
                command.at()));
        return status();
    }

    @CommandHandler
    void handle(AddComplaintAttachmentCommand command) {
        handling().requireAttachable(command.actingDepartment());
        apply(new ComplaintAttachmentAddedEvent(complaintId, department, command.attachmentId(), command.contentType(),
                command.size(), command.sha256(), command.actor(), command.at()));
    }

    @CommandHandler
    ComplaintStatus handle(ResolveComplaintCommand command) {
        handling().requireResolvable(command.actingDepartment());
        apply(new ComplaintResolvedEvent(complaintId, department, command.result(), command.actor(), command.at()));
        return status();
    }

    @CommandHandler
    ComplaintStatus handle(FollowUpComplaintCommand command) {
        status().requireMove(number, FOLLOWED_UP, "followed up");
        boolean satisfied = FollowUp.satisfied(command);
        apply(new ComplaintFollowedUpEvent(complaintId, command.reached(), command.satisfaction(), command.comment(),
                satisfied, command.actor(), command.at()));
        if (command.reached() && !satisfied) {
            apply(new ComplaintReopenedEvent(complaintId, department, FollowUp.reopening(command), command.at()));
        }
        return status();
    }

    @CommandHandler
    ComplaintStatus handle(RecordDeadlineMissedCommand command) {
        if (stage.missable(command.stage(), command.enteredAt())) {
            apply(new ComplaintDeadlineMissedEvent(complaintId, number, command.stage(), priority, department,
                    command.dueAt(), command.at()));
        }
        return status();
    }

    @CommandHandler
    ComplaintStatus handle(RecordDeadlineApproachingCommand command) {
        if (stage.warnable(command.stage(), command.enteredAt(), command.dueAt(), command.at())) {
            apply(new ComplaintDeadlineApproachingEvent(complaintId, number, command.stage(), priority, department,
                    command.enteredAt(), command.dueAt(), command.at()));
        }
        return status();
    }

    /**
     * The customer's key is already gone ({@link Erasures#erase}); the event tells the projections to forget
     * what they copied. An archived complaint takes it too: erasure is the customer's right, not a change of case.
     */
    @CommandHandler
    void handle(ErasePersonalDataCommand command) {
        apply(new PersonalDataErasedEvent(complaintId, command.actor(), command.reason(), command.at()));
    }

    /** Only CS_HEAD reaches this (the endpoint's role); the ruling is final, but may be restated. */
    @CommandHandler
    ComplaintStatus handle(RecordRulingCommand command) {
        handling().requireDispute();
        apply(new ComplaintRulingRecordedEvent(complaintId, number, dispute, command.ruling(), command.actor(),
                command.at()));
        return status();
    }

    @CommandHandler
    ComplaintStatus handle(ArchiveComplaintCommand command) {
        FollowUp.requireArchivable(number, status(), priority);
        apply(new ComplaintArchivedEvent(complaintId, number, command.actor(), command.at()));
        return status();
    }

    private Handling handling() {
        return new Handling(complaintId, number, status(), severity, department, acknowledged, dispute);
    }

    @EventSourcingHandler
    void on(ComplaintReceivedEvent event) {
        complaintId = event.complaintId();
        number = event.number();
        severity = event.severity();
        priority = event.priority();
        dispute = event.dispute();
        stage = Stage.entered(RECEIVED, event.receivedAt());
    }

    @EventSourcingHandler
    void on(ComplaintEscalatedEvent event) {
        stage = Stage.entered(ESCALATED, event.escalatedAt());
        escalation = escalation.escalated();
    }

    @EventSourcingHandler
    void on(EscalationAcknowledgedEvent event) {
        escalation = Escalation.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(ComplaintAssignedEvent event) {
        stage = Stage.entered(ASSIGNED, event.assignedAt());
        department = event.department();
        acknowledged = false;
    }

    @EventSourcingHandler
    void on(ComplaintAcknowledgedEvent event) {
        acknowledged = true;
    }

    @EventSourcingHandler
    void on(ComplaintResolvedEvent event) {
        stage = Stage.entered(RESOLVED, event.resolvedAt());
    }

    @EventSourcingHandler
    void on(ComplaintFollowedUpEvent event) {
        if (event.satisfied()) {
            stage = Stage.entered(FOLLOWED_UP, event.calledAt());
        }
    }

    @EventSourcingHandler
    void on(ComplaintReopenedEvent event) {
        stage = Stage.entered(ASSIGNED, event.reopenedAt());
        acknowledged = false;
    }

    @EventSourcingHandler
    void on(ComplaintArchivedEvent event) {
        stage = Stage.entered(ARCHIVED, event.archivedAt());
    }

    @EventSourcingHandler
    void on(ComplaintDeadlineApproachingEvent event) {
        stage = stage.warnedOf();
    }

    @EventSourcingHandler
    void on(ComplaintDeadlineMissedEvent event) {
        stage = stage.missedIt();
    }

    ComplaintStatus status() {
        return stage.status();
    }
}
