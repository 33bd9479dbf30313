package com.kefu.dutylog.command;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.dutylog.api.EntryCorrectedEvent;
import com.kefu.dutylog.api.EntryRecordedEvent;
import com.kefu.dutylog.api.MattersCarriedOverEvent;
import com.kefu.dutylog.api.ShiftHandedOverEvent;
import com.kefu.dutylog.api.ShiftOpenedEvent;
import com.kefu.dutylog.command.HandoverCommands.AcceptHandoverCommand;
import com.kefu.dutylog.command.HandoverCommands.DeclineHandoverCommand;
import com.kefu.dutylog.event.HandoverAcceptedEvent;
import com.kefu.dutylog.event.HandoverDeclinedEvent;
import com.kefu.dutylog.event.HandoverProposedEvent;
import com.kefu.platform.axon.Snapshots;
import com.kefu.platform.relay.Actors;
import com.kefu.platform.rules.RuleViolation;
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
 * entry by entry and never rewritten (D2, D3), open until it is handed over (D6–D8): the outgoing person proposes
 * the handover, the incoming person accepts it under their own sign-in or refuses it, saying why (D15).
 * <p>
 * A shift may take thousands of entries (every complaint call of a busy day), so it keeps only what its rules
 * check, whether it is open and the handover proposed, and is loaded from a snapshot and the events after it: an entry costs the same on
 * the ten-thousandth as on the first. The entries themselves are in the shift view; a correction names the entry
 * it corrects as the desk found it there (entries never change, D3).
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER)
@Revision("2")
public class Shift {

    @AggregateIdentifier
    private String shiftId;
    private boolean open;
    /** The handover proposed and not yet accepted or refused (D15); null when none is. */
    private HandoverProposedEvent proposal;

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

    /** Proposed, not yet handed over: a later proposal (another incoming person, say) takes its place. */
    @CommandHandler
    void handle(ProposeHandoverCommand command) {
        requireOpen("it was handed over once and stays closed");
        List<String> reasons = command.refusals();
        if (!reasons.isEmpty()) {
            throw new HandoverRefused(shiftId, reasons);
        }
        command.due().requireReason(shiftId, command.at(), command.lateReason());
        boolean late = command.due().late(command.at());
        apply(new HandoverProposedEvent(shiftId, command.outgoing(), command.incoming(), command.incomingFit(),
                command.incomingFit() ? null : command.substitute(), command.preparation(), command.items(),
                command.openMatters(), command.instructions(), command.due().due(), late,
                late ? command.lateReason() : null, command.at()));
    }

    /** Both have signed: the shift is handed over and closed (D6, D8); the desk opens the next for the acceptor. */
    @CommandHandler
    void handle(AcceptHandoverCommand command) {
        HandoverProposedEvent proposed = requireProposedTo(command.acceptedBy());
        if (!command.unresolvedEmergencies().isEmpty()) {
            throw new HandoverRefused(shiftId, HandoverRefused.unresolved(command.unresolvedEmergencies()));
        }
        command.due().requireReason(shiftId, command.at(), proposed.lateReason(), command.lateReason());
        boolean late = command.due().late(command.at());
        apply(new HandoverAcceptedEvent(shiftId, command.acceptedBy(), command.due().due(), late,
                late ? blankToNull(command.lateReason()) : null, command.at()));
        apply(new ShiftHandedOverEvent(shiftId, proposed.outgoing(), proposed.incoming(), proposed.incomingFit(),
                proposed.substitute(), proposed.preparation(), proposed.items(), proposed.openMatters(),
                proposed.instructions(), command.at()));
    }

    @CommandHandler
    void handle(DeclineHandoverCommand command) {
        requireProposedTo(command.declinedBy());
        if (command.reason() == null || command.reason().isBlank()) {
            throw new InvalidRequest("reason: a handover is refused naming why (D15)");
        }
        apply(new HandoverDeclinedEvent(shiftId, command.declinedBy(), command.reason(), command.at()));
    }

    private HandoverProposedEvent requireProposedTo(String user) {
        requireOpen("it was handed over once and stays closed");
        if (proposal == null) {
            throw new RuleViolation("no-handover-proposed", "no handover of shift " + shiftId + " is proposed: the "
                    + "outgoing person proposes it first (D15)");
        }
        if (!proposal.takenOverBy().equals(user)) {
            throw new RuleViolation("handover-not-yours", "the handover of shift " + shiftId + " is proposed to "
                    + proposal.takenOverBy() + ": only they accept or refuse it, under their own sign-in (D15)");
        }
        return proposal;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
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
    void on(HandoverProposedEvent event) {
        proposal = event;
    }

    @EventSourcingHandler
    void on(HandoverDeclinedEvent event) {
        proposal = null;
    }

    @EventSourcingHandler
    void on(ShiftHandedOverEvent event) {
        open = false;
        proposal = null;
    }
}
