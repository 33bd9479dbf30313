package com.kefu.complaint.command;

import com.kefu.complaint.api.ComplaintAcknowledgedEvent;
import com.kefu.complaint.api.ComplaintArchivedEvent;
import com.kefu.complaint.api.ComplaintAssignedEvent;
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
import com.kefu.complaint.event.CustomerContactRecordedEvent;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.rules.InvalidRequest;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.privacy.PersonalDataErasedEvent;
import com.kefu.platform.rules.RuleViolation;
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
                command.receivedAt(), command.dispute()));
        apply(new CustomerContactRecordedEvent(command.complaintId(), command.customerPhone()));
    }

    @CommandHandler
    ComplaintStatus handle(EscalateComplaintCommand command) {
        requireMove(ESCALATED, "escalated");
        apply(new ComplaintEscalatedEvent(complaintId, number, severity, command.reason(), command.actor(),
                command.at()));
        return status;
    }

    /** The supervisor takes up an escalated complaint from their inbox, once (C14). */
    @CommandHandler
    ComplaintStatus handle(AcknowledgeEscalationCommand command) {
        requireEscalated(command.bySupervisor(), "acknowledged");
        if (escalationAcknowledged) {
            throw new RuleViolation("escalation-acknowledged",
                    "complaint " + number + " has already been acknowledged by the supervisor (C14)");
        }
        apply(new EscalationAcknowledgedEvent(complaintId, number, severity, command.actor(), command.at()));
        return status;
    }

    /** The supervisor's instructions (上级的指导) on an escalated complaint; each one is kept (C14). */
    @CommandHandler
    ComplaintStatus handle(RecordSupervisorInstructionsCommand command) {
        if (command.instructions() == null || command.instructions().isBlank()) {
            throw new InvalidRequest("instructions: the supervisor's instructions need a text (C14)");
        }
        requireEscalated(command.bySupervisor(), "given instructions");
        apply(new SupervisorInstructionsRecordedEvent(complaintId, number, severity, command.instructions().strip(),
                command.actor(), command.at()));
        return status;
    }

    private void requireEscalated(boolean bySupervisor, String verb) {
        if (!bySupervisor) {
            throw new RuleViolation("escalation-needs-supervisor",
                    "complaint " + number + " is escalated to the supervisor: only the SUPERVISOR acts on it (C14)");
        }
        guardArchived();
        if (!escalated) {
            throw new RuleViolation("complaint-not-escalated", "complaint " + number
                    + " has not been escalated: only an escalated complaint is " + verb + " by the supervisor (C14)");
        }
    }

    @CommandHandler
    ComplaintStatus handle(AssignComplaintCommand command) {
        if (status == RESOLVED) {
            throw new RuleViolation("complaint-workflow", "complaint " + number
                    + " is RESOLVED: it goes back to a department only when a follow-up finds the customer "
                    + "unsatisfied (C7)");
        }
        requireMove(ASSIGNED, "assigned");
        if (severity == Severity.MAJOR && status != ESCALATED) {
            throw new RuleViolation("major-complaint-not-escalated", "complaint " + number
                    + " is MAJOR: it must be escalated to the supervisor before it is assigned (C3)");
        }
        if (severity == Severity.MAJOR && !command.byHead()) {
            throw new RuleViolation("major-complaint-needs-cs-head",
                    "complaint " + number + " is MAJOR: only the head of customer service assigns it (C3)");
        }
        apply(new ComplaintAssignedEvent(complaintId, number, command.department(), command.instructions(), priority,
                command.actor(), command.at()));
        return status;
    }

    @CommandHandler
    ComplaintStatus handle(AcknowledgeComplaintCommand command) {
        requireDepartment(command.actingDepartment());
        if (status != ASSIGNED || acknowledged) {
            throw new RuleViolation("complaint-workflow", "complaint " + number + " is " + status
                    + (acknowledged ? " and already acknowledged" : "") + ": there is nothing to acknowledge");
        }
        apply(new ComplaintAcknowledgedEvent(complaintId, department, command.note(), command.actor(), command.at()));
        return status;
    }

    @CommandHandler
    ComplaintStatus handle(RecordProgressCommand command) {
        requireDepartment(command.actingDepartment());
        guardArchived();
        if (status != ASSIGNED || !acknowledged) {
            throw new RuleViolation("complaint-not-acknowledged", "complaint " + number + " is " + status
                    + ": progress is recorded while the department holds an acknowledged complaint (C5)");
        }
        apply(new ComplaintProgressRecordedEvent(complaintId, department, command.note(), command.actor(),
                command.at()));
        return status;
    }

    @CommandHandler
    ComplaintStatus handle(ResolveComplaintCommand command) {
        requireDepartment(command.actingDepartment());
        requireMove(RESOLVED, "resolved");
        if (!acknowledged) {
            throw new RuleViolation("complaint-not-acknowledged",
                    "complaint " + number + " must be acknowledged by " + department + " before it is resolved (C5)");
        }
        apply(new ComplaintResolvedEvent(complaintId, department, command.result(), command.actor(), command.at()));
        return status;
    }

    @CommandHandler
    ComplaintStatus handle(FollowUpComplaintCommand command) {
        requireMove(FOLLOWED_UP, "followed up");
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
        guardArchived();
        if (dispute == null) {
            throw new RuleViolation("not-a-dispute",
                    "complaint " + number + " names no parties to a dispute: there is nothing to rule on (C9)");
        }
        apply(new ComplaintRulingRecordedEvent(complaintId, number, dispute, command.ruling(), command.actor(),
                command.at()));
        return status;
    }

    @CommandHandler
    ComplaintStatus handle(ArchiveComplaintCommand command) {
        if (status != FOLLOWED_UP) {
            String why = priority == Priority.URGENT
                    ? "a VIP complaint is archived only once a follow-up call found the customer satisfied (C4)"
                    : "a complaint is archived only after a follow-up call reached a satisfied customer (C7, C8)";
            guardArchived();
            throw new RuleViolation(priority == Priority.URGENT ? "vip-complaint-not-satisfied"
                    : "complaint-not-followed-up", "complaint " + number + " is " + status + ": " + why);
        }
        apply(new ComplaintArchivedEvent(complaintId, number, command.actor(), command.at()));
        return status;
    }

    private void requireMove(ComplaintStatus target, String verb) {
        guardArchived();
        if (!status.canMoveTo(target)) {
            throw new RuleViolation("complaint-workflow", "complaint " + number + " is " + status
                    + " and cannot be " + verb + " now; from " + status + " it can go to " + status.next());
        }
    }

    private void guardArchived() {
        if (status == ARCHIVED) {
            throw new RuleViolation("complaint-archived",
                    "complaint " + number + " is archived: its handling form is filed and it cannot change (C8)");
        }
    }

    /** Departments act only on what is assigned to them; to others the complaint does not exist (S4). */
    private void requireDepartment(String actingDepartment) {
        if (actingDepartment != null && !actingDepartment.equals(department)) {
            throw new NotFound("no complaint " + complaintId);
        }
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
        Instant at = event.receivedAt();
        complaintId = event.complaintId();
        number = event.number();
        severity = event.severity();
        priority = event.priority();
        dispute = event.dispute();
        enter(RECEIVED, at);
    }

    @EventSourcingHandler
    void on(ComplaintEscalatedEvent event) {
        Instant at = event.escalatedAt();
        enter(ESCALATED, at);
        escalated = true;
    }

    @EventSourcingHandler
    void on(EscalationAcknowledgedEvent event) {
        escalationAcknowledged = true;
    }

    @EventSourcingHandler
    void on(ComplaintAssignedEvent event) {
        Instant at = event.assignedAt();
        enter(ASSIGNED, at);
        department = event.department();
        acknowledged = false;
    }

    @EventSourcingHandler
    void on(ComplaintAcknowledgedEvent event) {
        acknowledged = true;
    }

    @EventSourcingHandler
    void on(ComplaintResolvedEvent event) {
        Instant at = event.resolvedAt();
        enter(RESOLVED, at);
    }

    @EventSourcingHandler
    void on(ComplaintFollowedUpEvent event) {
        Instant at = event.calledAt();
        if (event.satisfied()) {
            enter(FOLLOWED_UP, at);
        }
    }

    @EventSourcingHandler
    void on(ComplaintReopenedEvent event) {
        Instant at = event.reopenedAt();
        enter(ASSIGNED, at);
        acknowledged = false;
    }

    @EventSourcingHandler
    void on(ComplaintArchivedEvent event) {
        Instant at = event.archivedAt();
        enter(ARCHIVED, at);
    }

    ComplaintStatus status() {
        return status;
    }
}
