package com.kefu.dutylog.command;

import com.kefu.dutylog.api.AddendumEntryRecordedEvent;
import com.kefu.dutylog.api.AddendumSignedEvent;
import com.kefu.dutylog.api.DutyDaySignedEvent;
import com.kefu.dutylog.command.DutyDayCommands.RecordAddendumEntryCommand;
import com.kefu.dutylog.command.DutyDayCommands.SignAddendumCommand;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A day of the duty log, as the manager signs it (D5): signed once, its pages sealed from then on. What is written
 * into the day after that enters its addendum (D12), which the manager signs in turn; each signature chains to the
 * one before, and none changes what an earlier one signed.
 */
@Aggregate
public class DutyDay {

    @AggregateIdentifier
    private String dutyDayId;
    private String signedBy;
    /** The addendum late writes enter: 1 after the day's signature, n + 1 after addendum n is signed. */
    private int addendum;
    private int unsignedEntries;
    private String lastDigest;

    protected DutyDay() {
    }

    public static String idOf(LocalDate date) {
        return "duty-day-" + date;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SignDutyDayCommand command) {
        if (signedBy != null) {
            throw new RuleViolation("day-sealed", "the duty log of " + command.date() + " was already signed by "
                    + signedBy + " and is sealed (D5)");
        }
        apply(new DutyDaySignedEvent(command.date(), command.digest(), command.entries(), command.signedBy(),
                command.signedAt()));
    }

    /** Answers the number of the addendum the entry entered. */
    @CommandHandler
    int handle(RecordAddendumEntryCommand command) {
        int entered = addendum;
        apply(new AddendumEntryRecordedEvent(command.date(), addendum, command.entryId(), command.shiftId(),
                command.occurredAt(), command.category(), command.description(), command.handling(),
                command.outcome(), command.reference(), command.corrects(), command.recordedBy(),
                command.recordedAt()));
        return entered;
    }

    @CommandHandler
    void handle(SignAddendumCommand command) {
        if (unsignedEntries == 0) {
            throw new RuleViolation("day-sealed", "the duty log of " + command.date() + " was signed by " + signedBy
                    + " and nothing has been written into it since: there is no addendum to sign (D5, D12)");
        }
        if (command.addendum() != addendum || command.entries() != unsignedEntries
                || !lastDigest.equals(command.previousDigest())) {
            throw new RuleViolation("addendum-changed", "addendum " + addendum + " of " + command.date() + " holds "
                    + unsignedEntries + " entries after the signature " + lastDigest + "; the signature was made "
                    + "over something else: read the day again and sign what it holds (D12)");
        }
        apply(new AddendumSignedEvent(command.date(), addendum, command.digest(), lastDigest, unsignedEntries,
                command.signedBy(), command.signedAt()));
    }

    @EventSourcingHandler
    void on(DutyDaySignedEvent event) {
        dutyDayId = idOf(event.date());
        signedBy = event.signedBy();
        addendum = 1;
        lastDigest = event.digest();
    }

    @EventSourcingHandler
    void on(AddendumEntryRecordedEvent event) {
        unsignedEntries++;
    }

    @EventSourcingHandler
    void on(AddendumSignedEvent event) {
        addendum = event.addendum() + 1;
        unsignedEntries = 0;
        lastDigest = event.digest();
    }
}
