package com.kefu.dutylog.command;

import com.kefu.dutylog.api.EntryRecordedEvent;
import com.kefu.dutylog.api.ShiftOpenedEvent;
import com.kefu.platform.web.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One shift's page of the duty log (D1, D2). */
@Aggregate
public class Shift {

    @AggregateIdentifier
    private String shiftId;
    private boolean open;

    protected Shift() {
    }

    @CommandHandler
    public Shift(OpenShiftCommand command) {
        apply(new ShiftOpenedEvent(command.shiftId(), command.post(), command.date(), command.openedBy(),
                command.openedAt()));
    }

    @CommandHandler
    void handle(RecordEntryCommand command) {
        if (!open) {
            throw new RuleViolation("shift-closed",
                    "shift " + shiftId + " has been handed over; entries go into the shift that took it over");
        }
        apply(new EntryRecordedEvent(shiftId, command.entryId(), command.occurredAt(), command.category(),
                command.description(), command.handling(), command.outcome(), command.reference(),
                command.recordedBy(), command.recordedAt()));
    }

    @EventSourcingHandler
    void on(ShiftOpenedEvent event) {
        shiftId = event.shiftId();
        open = true;
    }
}
