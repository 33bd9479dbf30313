package com.kefu.dutylog.command;

import com.kefu.dutylog.api.DutyDaySignedEvent;
import com.kefu.platform.web.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A day of the duty log, as the manager signs it (D5): signed once, sealed from then on. */
@Aggregate
public class DutyDay {

    @AggregateIdentifier
    private String dutyDayId;
    private String signedBy;

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

    @EventSourcingHandler
    void on(DutyDaySignedEvent event) {
        dutyDayId = idOf(event.date());
        signedBy = event.signedBy();
    }
}
