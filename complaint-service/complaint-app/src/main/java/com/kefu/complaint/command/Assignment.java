package com.kefu.complaint.command;

import com.kefu.complaint.api.ComplaintAcknowledgedEvent;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintAttachmentAddedEvent;
import com.kefu.complaint.api.ComplaintProgressRecordedEvent;
import com.kefu.complaint.api.ComplaintReopenedEvent;
import com.kefu.complaint.api.ComplaintResolvedEvent;
import com.kefu.complaint.command.AttachmentCommands.AddComplaintAttachmentCommand;
import com.kefu.complaint.command.WorkflowCommands.AcknowledgeComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.AssignComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordProgressCommand;
import com.kefu.complaint.command.WorkflowCommands.ResolveComplaintCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member of the {@link Complaint}: the department that holds it and whether that department acknowledged it — the
 * department's part, from assignment to resolution (C3, C5, C6, C16, S4). The checks are {@link Handling}'s.
 */
class Assignment {

    private final Complaint complaint;
    private String department;
    private boolean acknowledged;

    Assignment(Complaint complaint) {
        this.complaint = complaint;
    }

    String department() {
        return department;
    }

    boolean acknowledged() {
        return acknowledged;
    }

    @CommandHandler
    ComplaintStatus handle(AssignComplaintCommand command) {
        complaint.handling().requireAssignable(command.byHead());
        apply(new ComplaintAssignedEvent(complaint.complaintId(), complaint.number(), command.department(),
                command.instructions(), complaint.priority(), command.actor(), command.at()));
        return complaint.status();
    }

    @CommandHandler
    ComplaintStatus handle(AcknowledgeComplaintCommand command) {
        complaint.handling().requireAcknowledgeable(command.actingDepartment());
        apply(new ComplaintAcknowledgedEvent(complaint.complaintId(), department, command.note(), command.actor(),
                command.at()));
        return complaint.status();
    }

    @CommandHandler
    ComplaintStatus handle(RecordProgressCommand command) {
        complaint.handling().requireHeldBy(command.actingDepartment());
        apply(new ComplaintProgressRecordedEvent(complaint.complaintId(), department, command.note(),
                command.actor(), command.at()));
        return complaint.status();
    }

    @CommandHandler
    void handle(AddComplaintAttachmentCommand command) {
        complaint.handling().requireAttachable(command.actingDepartment());
        apply(new ComplaintAttachmentAddedEvent(complaint.complaintId(), department, command.attachmentId(),
                command.contentType(), command.size(), command.sha256(), command.actor(), command.at()));
    }

    @CommandHandler
    ComplaintStatus handle(ResolveComplaintCommand command) {
        complaint.handling().requireResolvable(command.actingDepartment());
        apply(new ComplaintResolvedEvent(complaint.complaintId(), department, command.result(), command.actor(),
                command.at()));
        return complaint.status();
    }

    @EventSourcingHandler
    void on(ComplaintAssignedEvent event) {
        department = event.department();
        acknowledged = false;
    }

    @EventSourcingHandler
    void on(ComplaintAcknowledgedEvent event) {
        acknowledged = true;
    }

    /** Back to its department after an unsatisfied follow-up (C7), which acknowledges it anew. */
    @EventSourcingHandler
    void on(ComplaintReopenedEvent event) {
        acknowledged = false;
    }
}
