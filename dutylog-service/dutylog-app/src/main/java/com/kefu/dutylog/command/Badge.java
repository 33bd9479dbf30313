package com.kefu.dutylog.command;

import com.kefu.dutylog.command.VisitorCommands.IssueBadgeCommand;
import com.kefu.dutylog.command.VisitorCommands.ReturnBadgeCommand;
import com.kefu.dutylog.event.BadgeIssuedEvent;
import com.kefu.dutylog.event.BadgeReturnedEvent;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A visitor's badge (D18): at the desk, or out with one visit until that visitor gives it back. A record of its own
 * so that two visitors can never hold the same badge, even when two desks sign them in at the same moment.
 */
@Aggregate
public class Badge {

    @AggregateIdentifier
    private String badgeId;
    /** The visit holding the badge; null while it is at the desk. */
    private String outWith;

    protected Badge() {
    }

    public static String idOf(String badge) {
        return "badge-" + badge;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(IssueBadgeCommand command) {
        if (outWith != null) {
            throw new RuleViolation("badge-out", "badge " + command.badge() + " is out with visit " + outWith
                    + " and is given to no one else until it is returned (D18)");
        }
        apply(new BadgeIssuedEvent(command.badgeId(), command.badge(), command.visitId(), command.issuedAt()));
    }

    @CommandHandler
    void handle(ReturnBadgeCommand command) {
        if (!command.visitId().equals(outWith)) {
            throw new RuleViolation("badge-not-out", "badge " + command.badge() + " is not out with visit "
                    + command.visitId() + " (D18)");
        }
        apply(new BadgeReturnedEvent(badgeId, command.badge(), command.visitId(), command.returnedAt()));
    }

    @EventSourcingHandler
    void on(BadgeIssuedEvent event) {
        badgeId = event.badgeId();
        outWith = event.visitId();
    }

    @EventSourcingHandler
    void on(BadgeReturnedEvent event) {
        outWith = null;
    }
}
