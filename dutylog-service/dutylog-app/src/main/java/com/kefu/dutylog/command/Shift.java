package com.kefu.dutylog.command;

import com.kefu.dutylog.api.EntryCorrectedEvent;
import com.kefu.dutylog.api.EntryRecordedEvent;
import com.kefu.dutylog.api.MattersCarriedOverEvent;
import com.kefu.dutylog.api.ShiftHandedOverEvent;
import com.kefu.dutylog.api.ShiftOpenedEvent;
import com.kefu.platform.axon.Snapshots;
import com.kefu.platform.relay.Actors;
import com.kefu.platform.web.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One shift's page of the duty log: opened with its date and what the previous shift left open (D1), written
 * entry by entry and never rewritten (D2, D3), open until it is handed over (D6–D8).
 * <p>
 * A shift may take thousands of entries (every complaint call of a busy day), so it keeps only what its rules
 * check, whether it is open, and is loaded from a snapshot and the events after it: an entry costs the same on
 * the ten-thousandth as on the first. The entries themselves are in the shift view; a correction names the entry
 * it corrects as the desk found it there (entries never change, D3).
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER)
@Revision("1")
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
        if (command.fromShiftId() != null
                && (!command.openMatters().isEmpty() || !command.instructions().isEmpty())) {
            apply(new MattersCarriedOverEvent(command.shiftId(), command.fromShiftId(), command.openMatters(),
                    command.instructions()));
        }
    }

    @CommandHandler
    void handle(RecordEntryCommand command) {
        requireOpen("entries go into the shift that took it over");
        apply(recorded(command));
    }

    /** Each call an entry of its own, in the name of whoever received it, as if they had written it (D11). */
    @CommandHandler
    void handle(RecordCallsCommand command) {
        requireOpen("entries go into the shift that took it over");
        command.entries().forEach(entry -> apply(recorded(entry), MetaData.with(Actors.ACTOR, entry.recordedBy())));
    }

    /**
     * Also after the handover: a page is corrected until its day is signed (D5). The desk checked that, and that
     * the corrected entry is one of this shift's, before the command came here.
     */
    @CommandHandler
    void handle(CorrectEntryCommand command) {
        apply(new EntryCorrectedEvent(shiftId, command.entryId(), command.correctsEntryId(), command.occurredAt(),
                command.category(), command.description(), command.handling(), command.outcome(),
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

    private EntryRecordedEvent recorded(RecordEntryCommand entry) {
        return new EntryRecordedEvent(shiftId, entry.entryId(), entry.occurredAt(), entry.category(),
                entry.description(), entry.handling(), entry.outcome(), entry.reference(), entry.recordedBy(),
                entry.recordedAt());
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
    void on(ShiftHandedOverEvent event) {
        open = false;
    }
}
