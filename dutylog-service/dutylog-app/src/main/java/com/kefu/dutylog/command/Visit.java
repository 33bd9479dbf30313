package com.kefu.dutylog.command;

import com.kefu.dutylog.command.VisitorCommands.EraseVisitorCommand;
import com.kefu.dutylog.command.VisitorCommands.SignInVisitorCommand;
import com.kefu.dutylog.command.VisitorCommands.SignOutVisitorCommand;
import com.kefu.dutylog.event.VisitorArrivedEvent;
import com.kefu.dutylog.event.VisitorLeftEvent;
import com.kefu.platform.privacy.PersonalDataErasedEvent;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One visit (D18, 第三章二 5): signed in with a badge, signed out once, giving the badge back. */
@Aggregate
public class Visit {

    @AggregateIdentifier
    private String visitId;
    private String badge;
    private boolean left;

    protected Visit() {
    }

    @CommandHandler
    public Visit(SignInVisitorCommand command) {
        apply(new VisitorArrivedEvent(command.visitId(), command.name(), command.visiting(), command.badge(),
                command.signedInBy(), command.arrivedAt()));
    }

    /** Answers the badge the visitor gives back. */
    @CommandHandler
    String handle(SignOutVisitorCommand command) {
        if (left) {
            throw new RuleViolation("visitor-left", "visit " + visitId + " was signed out already; a visitor "
                    + "leaves once (D18)");
        }
        apply(new VisitorLeftEvent(visitId, badge, command.signedOutBy(), command.leftAt()));
        return badge;
    }

    /** The visitor's key is already gone ({@link VisitorDesk#erase}); the event tells the projection to forget them. */
    @CommandHandler
    void handle(EraseVisitorCommand command) {
        apply(new PersonalDataErasedEvent(visitId, command.erasedBy(), command.reason(), command.erasedAt()));
    }

    @EventSourcingHandler
    void on(VisitorArrivedEvent event) {
        visitId = event.visitId();
        badge = event.badge();
    }

    @EventSourcingHandler
    void on(VisitorLeftEvent event) {
        left = true;
    }
}
