package com.kefu.dutylog.command;

import com.kefu.dutylog.command.ParcelCommands.HandOverParcelCommand;
import com.kefu.dutylog.command.ParcelCommands.ReceiveParcelCommand;
import com.kefu.dutylog.command.ParcelCommands.StoreParcelCommand;
import com.kefu.dutylog.event.ParcelHandedOverEvent;
import com.kefu.dutylog.event.ParcelReceivedEvent;
import com.kefu.dutylog.event.ParcelStoredEvent;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's letter or parcel in the desk's keeping (D17, 篇2 G): received for a tenant and stored, then handed over
 * once, to someone collecting it for that tenant, against a signature. The desk records its outside only and never
 * opens it: nothing here can hold what is inside.
 */
@Aggregate
public class Parcel {

    /** HELD (received and stored, movable) → HANDED_OVER (final). */
    public enum Custody {
        HELD, HANDED_OVER;

        boolean canBeHandedOver() {
            return this == HELD;
        }
    }

    @AggregateIdentifier
    private String parcelId;
    private String tenant;
    private Custody custody;

    protected Parcel() {
    }

    @CommandHandler
    public Parcel(ReceiveParcelCommand command) {
        apply(new ParcelReceivedEvent(command.parcelId(), command.tenant(), command.shop(), command.kind(),
                command.outside(), command.deliveredBy(), command.receivedBy(), command.receivedAt()));
        apply(new ParcelStoredEvent(command.parcelId(), command.storedAt(), command.receivedBy(),
                command.receivedAt()));
    }

    @CommandHandler
    void handle(StoreParcelCommand command) {
        requireHeld("moved");
        apply(new ParcelStoredEvent(parcelId, command.storedAt(), command.storedBy(), command.storedOn()));
    }

    @CommandHandler
    void handle(HandOverParcelCommand command) {
        requireHeld("handed over again");
        if (!tenant.equals(command.tenant())) {
            throw new RuleViolation("parcel-other-tenant", "parcel " + parcelId + " is kept for " + tenant
                    + " and is handed over only to someone collecting it for that tenant, not for "
                    + command.tenant() + " (D17)");
        }
        apply(new ParcelHandedOverEvent(parcelId, tenant,
                new ParcelHandedOverEvent.Signature(command.collectedBy(), command.signatureNote()),
                command.handedOverBy(), command.handedOverAt()));
    }

    private void requireHeld(String what) {
        if (!custody.canBeHandedOver()) {
            throw new RuleViolation("parcel-handed-over", "parcel " + parcelId + " was handed over already and "
                    + "cannot be " + what + " (D17)");
        }
    }

    @EventSourcingHandler
    void on(ParcelReceivedEvent event) {
        parcelId = event.parcelId();
        tenant = event.tenant();
        custody = Custody.HELD;
    }

    @EventSourcingHandler
    void on(ParcelHandedOverEvent event) {
        custody = Custody.HANDED_OVER;
    }
}
