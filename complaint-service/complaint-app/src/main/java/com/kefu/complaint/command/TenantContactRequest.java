package com.kefu.complaint.command;

import com.kefu.complaint.event.TenantContactRequestedEvent;
import com.kefu.complaint.event.TenantNotifiedEvent;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.privacy.PersonalDataErasedEvent;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Someone asks the desk for a tenant's telephone or other details (办公大厦保密制度 4): the desk gives nothing about
 * the tenant; it takes the enquirer's contact and tells the tenant, who decides whether to call back. REQUESTED →
 * TENANT_NOTIFIED, once. The enquirer's name and phone are personal data: encrypted, erasable, shown masked.
 */
@Aggregate
public class TenantContactRequest {

    public enum Status { REQUESTED, TENANT_NOTIFIED }

    record RequestTenantContactCommand(@TargetAggregateIdentifier String requestId, String tenant,
                                       String enquirerName, String enquirerPhone, String purpose,
                                       String actor, Instant at) {
    }

    record RecordTenantNotifiedCommand(@TargetAggregateIdentifier String requestId, String how,
                                       String tenantResponse, String actor, Instant at) {
    }

    record EraseEnquirerCommand(@TargetAggregateIdentifier String requestId, String reason, String actor,
                                Instant at) {
    }

    @AggregateIdentifier
    private String requestId;
    private String tenant;
    private Status status;

    protected TenantContactRequest() {
    }

    @CommandHandler
    public TenantContactRequest(RequestTenantContactCommand command) {
        apply(new TenantContactRequestedEvent(command.requestId(), command.tenant(), command.enquirerName(),
                command.enquirerPhone(), Masking.phone(command.enquirerPhone()), command.purpose(), command.actor(),
                command.at()));
    }

    @CommandHandler
    Status handle(RecordTenantNotifiedCommand command) {
        if (status != Status.REQUESTED) {
            throw new RuleViolation("tenant-already-notified",
                    "tenant " + tenant + " was already told of this request");
        }
        apply(new TenantNotifiedEvent(requestId, tenant, command.how(), command.tenantResponse(), command.actor(),
                command.at()));
        return status;
    }

    /** The enquirer's key is already gone ({@link Erasures}); the event tells the projection to forget them. */
    @CommandHandler
    void handle(EraseEnquirerCommand command) {
        apply(new PersonalDataErasedEvent(requestId, command.actor(), command.reason(), command.at()));
    }

    @EventSourcingHandler
    void on(TenantContactRequestedEvent event) {
        requestId = event.requestId();
        tenant = event.tenant();
        status = Status.REQUESTED;
    }

    @EventSourcingHandler
    void on(TenantNotifiedEvent event) {
        status = Status.TENANT_NOTIFIED;
    }
}
