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
import com.kefu.complaint.api.EscalationAcknowledgedEvent;
import com.kefu.complaint.api.SupervisorInstructionsRecordedEvent;
import com.kefu.complaint.api.Dispute;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import com.kefu.complaint.command.AttachmentCommands.AddComplaintAttachmentCommand;
import com.kefu.complaint.command.WorkflowCommands.AcknowledgeComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.AcknowledgeEscalationCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordSupervisorInstructionsCommand;
import com.kefu.complaint.command.WorkflowCommands.ArchiveComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.AssignComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.EscalateComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.FollowUpComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordDeadlineApproachingCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordDeadlineMissedCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordProgressCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordRulingCommand;
import com.kefu.complaint.command.WorkflowCommands.ResolveComplaintCommand;
import com.kefu.complaint.config.DeadlineProperties;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.privacy.PersonalDataErasedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Objects;

import static com.kefu.complaint.command.ComplaintStatus.ARCHIVED;
import static com.kefu.complaint.command.ComplaintStatus.ASSIGNED;
import static com.kefu.complaint.command.ComplaintStatus.ESCALATED;
import static com.kefu.complaint.command.ComplaintStatus.FOLLOWED_UP;
import static com.kefu.complaint.command.ComplaintStatus.RECEIVED;
import static com.kefu.complaint.command.ComplaintStatus.RESOLVED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A customer's complaint, from intake to archive; its workflow is {@link ComplaintStatus}. */
@Aggregate
public class Complaint {

    @AggregateIdentifier
    private String complaintId;
    private String number;
    private ComplaintStatus status;
    private Severity severity;
    private Priority priority;
    private String department;
    private boolean acknowledged;
    private Instant stageEnteredAt;
    private boolean deadlineMissed;
    private boolean deadlineWarned;
    private Dispute dispute;
    private boolean escalated;
    private boolean escalationAcknowledged;

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
        handling().requireMove(ESCALATED, "escalated");
        apply(new ComplaintEscalatedEvent(complaintId, number, severity, command.reason(), command.actor(),
                command.at()));
        return status;
    }

    /** The supervisor takes up an escalated complaint from their inbox, once (C14). */
    @CommandHandler
    ComplaintStatus handle(AcknowledgeEscalationCommand command) {
        handling().requireEscalationOpen(command.bySupervisor());
        apply(new EscalationAcknowledgedEvent(complaintId, number, severity, command.actor(), command.at()));
        return status;
    }

    /** The supervisor's instructions (上级的指导) on an escalated complaint; each one is kept (C14). */
    @CommandHandler
    ComplaintStatus handle(RecordSupervisorInstructionsCommand command) {
        Handling.requireInstructions(command.instructions());
        handling().requireEscalatedFor(command.bySupervisor(), "given instructions");
        apply(new SupervisorInstructionsRecordedEvent(complaintId, number, severity, command.instructions().strip(),
                command.actor(), command.at()));
        return status;
    }

    @CommandHandler
    ComplaintStatus handle(AssignComplaintCommand command) {
        handling().requireAssignable(command.byHead());
        apply(new ComplaintAssignedEvent(complaintId, number, command.department(), command.instructions(), priority,
                command.actor(), command.at()));
        return status;
    }

    @CommandHandler
    ComplaintStatus handle(AcknowledgeComplaintCommand command) {
        handling().requireAcknowledgeable(command.actingDepartment());
        apply(new ComplaintAcknowledgedEvent(complaintId, department, command.note(), command.actor(), command.at()));
        return status;
    }

    @CommandHandler
    ComplaintStatus handle(RecordProgressCommand command) {
        handling().requireHeldBy(command.actingDepartment());
        apply(new ComplaintProgressRecordedEvent(complaintId, department, command.note(), command.actor(),
                command.at()));
        return status;
    }

    /** A letter, fax, receipt or photo (C16): by a department only to what it holds (S4), never once archived (C8). */
    @CommandHandler
    void handle(AddComplaintAttachmentCommand command) {
        handling().requireDepartment(command.actingDepartment());
        handling().requireNotArchived();
        apply(new ComplaintAttachmentAddedEvent(complaintId, department, command.attachmentId(), command.contentType(),
                command.size(), command.sha256(), command.actor(), command.at()));
    }

    @CommandHandler
    ComplaintStatus handle(ResolveComplaintCommand command) {
        handling().requireResolvable(command.actingDepartment());
        apply(new ComplaintResolvedEvent(complaintId, department, command.result(), command.actor(), command.at()));
        return status;
    }

    @CommandHandler
    ComplaintStatus handle(FollowUpComplaintCommand command) {
        handling().requireMove(FOLLOWED_UP, "followed up");
        boolean satisfied = command.reached() && (command.customerSatisfied() != null
                ? command.customerSatisfied() : command.satisfaction() != null && command.satisfaction() >= 3);
        apply(new ComplaintFollowedUpEvent(complaintId, command.reached(), command.satisfaction(), command.comment(),
                satisfied, command.actor(), command.at()));
        if (command.reached() && !satisfied) {
            apply(new ComplaintReopenedEvent(complaintId, department, "the customer is not satisfied: "
                    + Objects.requireNonNullElse(command.comment(), ""), command.at()));
        }
        return status;
    }

    @CommandHandler
    ComplaintStatus handle(RecordDeadlineMissedCommand command) {
        if (inStage(command.stage(), command.enteredAt()) && !deadlineMissed) {
            apply(new ComplaintDeadlineMissedEvent(complaintId, number, command.stage(), priority, department,
                    command.dueAt(), command.at()));
        }
        return status;
    }

    /** Four fifths of the stage's time gone, its deadline still ahead: warned once per entry into a stage (C17). */
    @CommandHandler
    ComplaintStatus handle(RecordDeadlineApproachingCommand command) {
        boolean approaching = !command.at().isBefore(DeadlineProperties.warningAt(command.enteredAt(), command.dueAt()))
                && command.at().isBefore(command.dueAt());
        if (inStage(command.stage(), command.enteredAt()) && approaching && !deadlineWarned && !deadlineMissed) {
            apply(new ComplaintDeadlineApproachingEvent(complaintId, number, command.stage(), priority, department,
                    command.enteredAt(), command.dueAt(), command.at()));
        }
        return status;
    }

    /** The watch's view of the stage is still the complaint's: the same stage, entered at the same instant. */
    private boolean inStage(String stage, Instant enteredAt) {
        return status.name().equals(stage) && stageEnteredAt != null
                && stageEnteredAt.toEpochMilli() == enteredAt.toEpochMilli();
    }

    /**
     * The customer's key is already gone ({@link Erasures#erase}); the event tells the projections to forget
     * what they copied. An archived complaint takes it too: erasure is the customer's right, not a change of case.
     */
    @CommandHandler
    void handle(WorkflowCommands.ErasePersonalDataCommand command) {
        apply(new PersonalDataErasedEvent(complaintId, command.actor(), command.reason(), command.at()));
    }

    /** Only CS_HEAD reaches this (the endpoint's role); the ruling is final, but may be restated. */
    @CommandHandler
    ComplaintStatus handle(RecordRulingCommand command) {
        handling().requireDispute();
        apply(new ComplaintRulingRecordedEvent(complaintId, number, dispute, command.ruling(), command.actor(),
                command.at()));
        return status;
    }

    @CommandHandler
    ComplaintStatus handle(ArchiveComplaintCommand command) {
        handling().requireArchivable();
        apply(new ComplaintArchivedEvent(complaintId, number, command.actor(), command.at()));
        return status;
    }

    /** What the rules see of the complaint now. */
    private Handling handling() {
        return new Handling(complaintId, number, status, severity, priority, department, acknowledged, escalated,
                escalationAcknowledged, dispute);
    }

    private void enter(ComplaintStatus stage, Instant at) {
        status = stage;
        stageEnteredAt = at;
        deadlineMissed = false;
        deadlineWarned = false;
    }

    @EventSourcingHandler
    void on(ComplaintDeadlineApproachingEvent event) {
        deadlineWarned = true;
    }

    @EventSourcingHandler
    void on(ComplaintDeadlineMissedEvent event) {
        deadlineMissed = true;
    }

    @EventSourcingHandler
    void on(ComplaintReceivedEvent event) {
        complaintId = event.complaintId();
        number = event.number();
        severity = event.severity();
        priority = event.priority();
        dispute = event.dispute();
        enter(RECEIVED, event.receivedAt());
    }

    @EventSourcingHandler
    void on(ComplaintEscalatedEvent event) {
        enter(ESCALATED, event.escalatedAt());
        escalated = true;
    }

    @EventSourcingHandler
    void on(EscalationAcknowledgedEvent event) {
        escalationAcknowledged = true;
    }

    @EventSourcingHandler
    void on(ComplaintAssignedEvent event) {
        enter(ASSIGNED, event.assignedAt());
        department = event.department();
        acknowledged = false;
    }

    @EventSourcingHandler
    void on(ComplaintAcknowledgedEvent event) {
        acknowledged = true;
    }

    @EventSourcingHandler
    void on(ComplaintResolvedEvent event) {
        enter(RESOLVED, event.resolvedAt());
    }

    @EventSourcingHandler
    void on(ComplaintFollowedUpEvent event) {
        if (event.satisfied()) {
            enter(FOLLOWED_UP, event.calledAt());
        }
    }

    @EventSourcingHandler
    void on(ComplaintReopenedEvent event) {
        enter(ASSIGNED, event.reopenedAt());
        acknowledged = false;
    }

    @EventSourcingHandler
    void on(ComplaintArchivedEvent event) {
        enter(ARCHIVED, event.archivedAt());
    }

    ComplaintStatus status() {
        return status;
    }
}
