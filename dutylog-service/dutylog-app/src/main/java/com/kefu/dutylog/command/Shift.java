package com.kefu.dutylog.command;

import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.EntryCorrectedEvent;
import com.kefu.dutylog.api.EntryRecordedEvent;
import com.kefu.dutylog.api.MattersCarriedOverEvent;
import com.kefu.dutylog.api.ShiftHandedOverEvent;
import com.kefu.dutylog.api.ShiftOpenedEvent;
import com.kefu.platform.web.NotFound;
import com.kefu.platform.web.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One shift's page of the duty log: opened with its date and what the previous shift left open (D1), written
 * entry by entry and never rewritten (D2, D3), open until it is handed over (D6–D8).
 */
@Aggregate
public class Shift {

    @AggregateIdentifier
    private String shiftId;
    private boolean open;
    private final Map<String, Written> entries = new HashMap<>();

    /** What a correction keeps of the entry it corrects: it belongs to the same moment and duty day. */
    private record Written(Instant occurredAt, EntryCategory category) {
    }

    protected Shift() {
    }

    @CommandHandler
    public Shift(OpenShiftCommand command) {
        apply(new ShiftOpenedEvent(command.shiftId(), command.post(), command.date(), command.openedBy(),
                command.openedAt()));
        if (command.fromShiftId() != null
                && (!command.openMatters().isEmpty() || !command.instructions().isEmpty())) {
            apply(new MattersCarriedOverEvent(command.shiftId(), command.fromShiftId(), command.openMatters(),
                    command.instructions()));
        }
    }

    @CommandHandler
    void handle(RecordEntryCommand command) {
        requireOpen("entries go into the shift that took it over");
        apply(new EntryRecordedEvent(shiftId, command.entryId(), command.occurredAt(), command.category(),
                command.description(), command.handling(), command.outcome(), command.reference(),
                command.recordedBy(), command.recordedAt()));
    }

    /** Also after the handover: a page is corrected until its day is signed (D5, checked before it comes here). */
    @CommandHandler
    void handle(CorrectEntryCommand command) {
        Written corrected = entries.get(command.correctsEntryId());
        if (corrected == null) {
            throw new NotFound("no entry " + command.correctsEntryId() + " in shift " + shiftId);
        }
        apply(new EntryCorrectedEvent(shiftId, command.entryId(), command.correctsEntryId(), corrected.occurredAt(),
                corrected.category(), command.description(), command.handling(), command.outcome(),
                command.recordedBy(), command.recordedAt()));
    }

    @CommandHandler
    void handle(HandOverShiftCommand command) {
        requireOpen("it was handed over once and stays closed");
        List<String> reasons = command.refusals();
        if (!reasons.isEmpty()) {
            throw new HandoverRefused(shiftId, reasons);
        }
        apply(new ShiftHandedOverEvent(shiftId, command.outgoing(), command.incoming(), command.incomingFit(),
                command.incomingFit() ? null : command.substitute(), command.preparation(), command.items(),
                command.openMatters(), command.instructions(), command.at()));
    }

    private void requireOpen(String why) {
        if (!open) {
            throw new RuleViolation("shift-closed", "shift " + shiftId + " has been handed over; " + why + " (D8)");
        }
    }

    @EventSourcingHandler
    void on(ShiftOpenedEvent event) {
        shiftId = event.shiftId();
        open = true;
    }

    @EventSourcingHandler
    void on(EntryRecordedEvent event) {
        entries.put(event.entryId(), new Written(event.occurredAt(), event.category()));
    }

    @EventSourcingHandler
    void on(EntryCorrectedEvent event) {
        entries.put(event.entryId(), new Written(event.occurredAt(), event.category()));
    }

    @EventSourcingHandler
    void on(ShiftHandedOverEvent event) {
        open = false;
    }
}
