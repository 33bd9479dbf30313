package com.kefu.complaint.command;

import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.platform.privacy.Masking;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A customer's complaint, from intake to archive. */
@Aggregate
public class Complaint {

    @AggregateIdentifier
    private String complaintId;
    private ComplaintStatus status;

    protected Complaint() {
    }

    @CommandHandler
    public Complaint(RegisterComplaintCommand command) {
        apply(new ComplaintReceivedEvent(
                command.complaintId(),
                command.number(),
                command.channel(),
                command.category(),
                command.severity(),
                command.priority(),
                new CustomerReference(command.customerName(), Masking.phone(command.customerPhone()),
                        command.memberId()),
                command.merchant(),
                command.subject(),
                command.description(),
                command.receivedBy(),
                command.receivedAt()));
        apply(new CustomerContactRecordedEvent(command.complaintId(), command.customerPhone()));
    }

    @EventSourcingHandler
    void on(ComplaintReceivedEvent event) {
        complaintId = event.complaintId();
        status = ComplaintStatus.RECEIVED;
    }

    ComplaintStatus status() {
        return status;
    }
}
