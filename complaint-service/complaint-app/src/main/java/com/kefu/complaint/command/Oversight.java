package com.kefu.complaint.command;

import com.kefu.complaint.api.ComplaintEscalatedEvent;
import com.kefu.complaint.api.ComplaintRulingRecordedEvent;
import com.kefu.complaint.api.EscalationAcknowledgedEvent;
import com.kefu.complaint.api.SupervisorInstructionsRecordedEvent;
import com.kefu.complaint.command.WorkflowCommands.AcknowledgeEscalationCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordRulingCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordSupervisorInstructionsCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member of the {@link Complaint}: what those above the departments do with it. The supervisor takes an
 * {@link Escalation} up once and gives instructions on it (C14); the head of customer service rules on a dispute (C9).
 */
class Oversight {

    private final Complaint complaint;
    private Escalation escalation = Escalation.NONE;

    Oversight(Complaint complaint) {
        this.complaint = complaint;
    }

    @CommandHandler
    ComplaintStatus handle(AcknowledgeEscalationCommand command) {
        escalation.requireOpen(complaint.number(), complaint.status(), command.bySupervisor());
        apply(new EscalationAcknowledgedEvent(complaint.complaintId(), complaint.number(), complaint.severity(),
                command.actor(), command.at()));
        return complaint.status();
    }

    @CommandHandler
    ComplaintStatus handle(RecordSupervisorInstructionsCommand command) {
        Escalation.requireInstructions(command.instructions());
        escalation.requireSupervisor(complaint.number(), complaint.status(), command.bySupervisor(),
                "given instructions");
        apply(new SupervisorInstructionsRecordedEvent(complaint.complaintId(), complaint.number(),
                complaint.severity(), command.instructions().strip(), command.actor(), command.at()));
        return complaint.status();
    }

    /** Only CS_HEAD reaches this (the endpoint's role); the ruling is final, but may be restated. */
    @CommandHandler
    ComplaintStatus handle(RecordRulingCommand command) {
        complaint.handling().requireDispute();
        apply(new ComplaintRulingRecordedEvent(complaint.complaintId(), complaint.number(), complaint.dispute(),
                command.ruling(), command.actor(), command.at()));
        return complaint.status();
    }

    @EventSourcingHandler
    void on(ComplaintEscalatedEvent event) {
        escalation = escalation.escalated();
    }

    @EventSourcingHandler
    void on(EscalationAcknowledgedEvent event) {
        escalation = Escalation.ACKNOWLEDGED;
    }
}
