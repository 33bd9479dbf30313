package com.kefu.dutylog.command;

import com.kefu.dutylog.command.LostItemCommands.DisposeLostItemCommand;
import com.kefu.dutylog.command.LostItemCommands.RegisterLostItemCommand;
import com.kefu.dutylog.command.LostItemCommands.ReturnLostItemCommand;
import com.kefu.dutylog.event.LostItemDisposedEvent;
import com.kefu.dutylog.event.LostItemRegisteredEvent;
import com.kefu.dutylog.event.LostItemReturnedEvent;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A found item in the custody of customer service (D9): STORED until it is handed back against identification
 * or, unclaimed past the retention period, disposed of.
 */
@Aggregate
public class LostItem {

    /** Where the item is: in the service's custody, handed back to its owner, or disposed of unclaimed. */
    public enum Custody { STORED, RETURNED, DISPOSED }

    @AggregateIdentifier
    private String itemId;
    private Custody custody;
    private Instant foundAt;

    protected LostItem() {
    }

    @CommandHandler
    public LostItem(RegisterLostItemCommand command) {
        apply(new LostItemRegisteredEvent(command.itemId(), command.description(), command.foundBy(),
                command.foundAt(), command.foundWhere(), command.handedTo(), command.storedAt(),
                command.registeredBy(), command.registeredAt()));
    }

    @CommandHandler
    void handle(ReturnLostItemCommand command) {
        requireStored("handed back");
        if (!command.identityChecked()) {
            throw new RuleViolation("identity-not-checked", "lost item " + itemId
                    + " is handed back only after the claimant's identity has been checked (D9)");
        }
        apply(new LostItemReturnedEvent(itemId, command.claimant(), command.identityDocument(), command.returnedBy(),
                command.returnedAt()));
    }

    @CommandHandler
    void handle(DisposeLostItemCommand command) {
        requireStored("disposed of");
        if (command.disposedAt().isBefore(foundAt.plus(command.retention()))) {
            throw new RuleViolation("retention-not-over", "lost item " + itemId + " is kept until "
                    + foundAt.plus(command.retention()) + " (D9)");
        }
        apply(new LostItemDisposedEvent(itemId, command.retention(), command.disposedBy(), command.disposedAt()));
    }

    private void requireStored(String what) {
        if (custody != Custody.STORED) {
            throw new RuleViolation("lost-item-" + custody.name().toLowerCase(), "lost item " + itemId + " was "
                    + custody.name().toLowerCase() + " already and cannot be " + what + " (D9)");
        }
    }

    @EventSourcingHandler
    void on(LostItemRegisteredEvent event) {
        itemId = event.itemId();
        foundAt = event.foundAt();
        custody = Custody.STORED;
    }

    @EventSourcingHandler
    void on(LostItemReturnedEvent event) {
        custody = Custody.RETURNED;
    }

    @EventSourcingHandler
    void on(LostItemDisposedEvent event) {
        custody = Custody.DISPOSED;
    }
}
