package com.kefu.membership.command;

import com.kefu.membership.api.ServiceRequestCancelledEvent;
import com.kefu.membership.api.ServiceRequestCompletedEvent;
import com.kefu.membership.api.ServiceRequestKind;
import com.kefu.membership.api.ServiceRequestRegisteredEvent;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A front-desk service (M5): a return, an exchange, an invoice, something left in storage, a phone pre-order or a
 * group purchase. REGISTERED → DONE or CANCELLED, once: a storage ticket is collected once, never twice.
 */
@Aggregate
public class ServiceRequest {

    public enum Status { REGISTERED, DONE, CANCELLED }

    record RegisterServiceRequestCommand(@TargetAggregateIdentifier String requestId, String number,
                                         ServiceRequestKind kind, String memberId, String details,
                                         String actor, Instant at) {
    }

    record CompleteServiceRequestCommand(@TargetAggregateIdentifier String requestId, String note,
                                         String actor, Instant at) {
    }

    record CancelServiceRequestCommand(@TargetAggregateIdentifier String requestId, String reason,
                                       String actor, Instant at) {
    }

    @AggregateIdentifier
    private String requestId;
    private String number;
    private ServiceRequestKind kind;
    private String memberId;
    private Status status;

    protected ServiceRequest() {
    }

    @CommandHandler
    public ServiceRequest(RegisterServiceRequestCommand command) {
        apply(new ServiceRequestRegisteredEvent(command.requestId(), command.number(), command.kind(),
                command.memberId(), command.details(), command.actor(), command.at()));
    }

    @CommandHandler
    Status handle(CompleteServiceRequestCommand command) {
        requireOpen(kind == ServiceRequestKind.STORAGE ? "collected" : "done");
        apply(new ServiceRequestCompletedEvent(requestId, number, memberId, command.note(), command.actor(),
                command.at()));
        return status;
    }

    @CommandHandler
    Status handle(CancelServiceRequestCommand command) {
        requireOpen("cancelled");
        apply(new ServiceRequestCancelledEvent(requestId, number, memberId, command.reason(), command.actor(),
                command.at()));
        return status;
    }

    private void requireOpen(String verb) {
        if (status != Status.REGISTERED) {
            String what = kind == ServiceRequestKind.STORAGE && status == Status.DONE
                    ? "storage ticket " + number + " was already collected"
                    : "service request " + number + " is " + status;
            throw new RuleViolation("service-request-closed", what + ": it cannot be " + verb + " again (M5)");
        }
    }

    @EventSourcingHandler
    void on(ServiceRequestRegisteredEvent event) {
        requestId = event.requestId();
        number = event.number();
        kind = event.kind();
        memberId = event.memberId();
        status = Status.REGISTERED;
    }

    @EventSourcingHandler
    void on(ServiceRequestCompletedEvent event) {
        status = Status.DONE;
    }

    @EventSourcingHandler
    void on(ServiceRequestCancelledEvent event) {
        status = Status.CANCELLED;
    }
}
