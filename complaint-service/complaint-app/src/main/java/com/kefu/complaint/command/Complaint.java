package com.kefu.complaint.command;

import com.kefu.complaint.api.ComplaintArchivedEvent;
import com.kefu.complaint.api.ComplaintEscalatedEvent;
import com.kefu.complaint.api.ComplaintFollowedUpEvent;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.ComplaintReopenedEvent;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.Dispute;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import com.kefu.complaint.command.WorkflowCommands.ArchiveComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.ErasePersonalDataCommand;
import com.kefu.complaint.command.WorkflowCommands.EscalateComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.FollowUpComplaintCommand;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.privacy.PersonalDataErasedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

import static com.kefu.complaint.command.ComplaintStatus.ESCALATED;
import static com.kefu.complaint.command.ComplaintStatus.FOLLOWED_UP;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's complaint, from intake to archive. Each command handler is a guard, then what happened. The root keeps
 * what is fixed at intake and the workflow's own moves (escalation, the closing follow-up of {@link FollowUp}, archive,
 * erasure); three members of the aggregate, each with its own handlers, keep the rest: the {@link CurrentStage} the
 * workflow is in and the deadline watch's record of it (C10, C17), the department's {@link Assignment} (C3, C5, C6,
 * C16, S4) and the {@link Oversight} above it (C9, C14). Axon hands every event of the complaint to every member, so
 * each member acts on the events it keeps state from. The members are made with the complaint's receipt and read the
 * root's facts and one another's state through it; only the member that owns a state changes it.
 */
@Aggregate
public class Complaint {

    @AggregateIdentifier
    private String complaintId;
    private String number;
    private Severity severity;
    private Priority priority;
    private Dispute dispute;
    @AggregateMember
    private CurrentStage stage;
    @AggregateMember
    private Assignment assignment;
    @AggregateMember
    private Oversight oversight;

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
    ComplaintStatus handle(FollowUpComplaintCommand command) {
        status().requireMove(number, FOLLOWED_UP, "followed up");
        boolean satisfied = FollowUp.satisfied(command);
        apply(new ComplaintFollowedUpEvent(complaintId, command.reached(), command.satisfaction(), command.comment(),
                satisfied, command.actor(), command.at()));
        if (command.reached() && !satisfied) {
            apply(new ComplaintReopenedEvent(complaintId, department(), FollowUp.reopening(command), command.at()));
        }
        return status();
    }

    @CommandHandler
    ComplaintStatus handle(ArchiveComplaintCommand command) {
        FollowUp.requireArchivable(number, status(), priority);
        apply(new ComplaintArchivedEvent(complaintId, number, command.actor(), command.at()));
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

    /** Axon hands this event to the members after this handler, so none of them may act on it twice. */
    @EventSourcingHandler
    void on(ComplaintReceivedEvent event) {
        complaintId = event.complaintId();
        number = event.number();
        severity = event.severity();
        priority = event.priority();
        dispute = event.dispute();
        stage = new CurrentStage(this, event.receivedAt());
        assignment = new Assignment(this);
        oversight = new Oversight(this);
    }

    /** What a department's handling allows at this moment: the checks of {@link Handling}. */
    Handling handling() {
        return new Handling(complaintId, number, status(), severity, department(), assignment.acknowledged(),
                dispute);
    }

    ComplaintStatus status() {
        return stage.status();
    }

    String complaintId() {
        return complaintId;
    }

    String number() {
        return number;
    }

    Severity severity() {
        return severity;
    }

    Priority priority() {
        return priority;
    }

    Dispute dispute() {
        return dispute;
    }

    String department() {
        return assignment.department();
    }
}
