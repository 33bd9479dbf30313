package com.kefu.dutylog.command;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.dutylog.command.RoundCommands.RecordRoundCommand;
import com.kefu.dutylog.event.RoundRecordedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A round of the lobby's facilities (D16, 第三章二 7, 9): a checklist with one result per item, OK or FAULT; a fault
 * says what is wrong and becomes a repair order to engineering. Recorded once, as it was found; never changed.
 */
@Aggregate
public class Round {

    public static final String OK = "OK";
    public static final String FAULT = "FAULT";

    @AggregateIdentifier
    private String roundId;

    protected Round() {
    }

    @CommandHandler
    public Round(RecordRoundCommand command) {
        if (command.checks().isEmpty()) {
            throw new InvalidRequest("items: a round checks at least one facility (D16)");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < command.checks().size(); i++) {
            RoundRecordedEvent.Check check = command.checks().get(i);
            if (!seen.add(check.item().strip())) {
                throw new InvalidRequest("items[" + i + "].item: " + check.item()
                        + " is checked twice on one round; a round has one result per item (D16)");
            }
            boolean fault = FAULT.equals(check.result());
            if (fault && (check.note() == null || check.note().isBlank())) {
                throw new InvalidRequest("items[" + i + "].note: a FAULT says what is wrong with "
                        + check.item() + ", for engineering's repair order (D16)");
            }
            if (fault != (check.repairOrderId() != null)) {
                throw new IllegalStateException("a fault and only a fault becomes a repair order");
            }
        }
        apply(new RoundRecordedEvent(command.roundId(), command.area(), command.checks(), command.recordedBy(),
                command.recordedAt()));
    }

    @EventSourcingHandler
    void on(RoundRecordedEvent event) {
        roundId = event.roundId();
    }
}
