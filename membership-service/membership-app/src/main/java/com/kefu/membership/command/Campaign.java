package com.kefu.membership.command;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.membership.api.GiftCampaignStartedEvent;
import com.kefu.membership.api.GiftHandedOutEvent;
import com.kefu.membership.api.GiftStockAddedEvent;
import com.kefu.platform.axon.Snapshots;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A campaign of promotional items, gifts, prizes or souvenirs (M3). Every hand-out is an event of the campaign, so
 * the stock it counts and the hand-outs per member are exact: two desks handing out the last item at once are
 * put in order by the campaign's event stream (one of them is refused), never both served.
 * <p>
 * Its stream grows with every hand-out; it is loaded from a snapshot and the events after it, and keeps what its
 * rules check: the stock, the days, the limit, and what each member served has had (one number a member).
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER)
@Revision("1")
public class Campaign {

    record StartCampaignCommand(@TargetAggregateIdentifier String campaignId, String name, String item,
                                int stock, int perMemberLimit, LocalDate startsOn, LocalDate endsOn,
                                String actor, Instant at) {
    }

    record AddStockCommand(@TargetAggregateIdentifier String campaignId, int quantity, String actor,
                           Instant at) {
    }

    /** @param today the day of the hand-out in the mall's calendar */
    record HandOutCommand(@TargetAggregateIdentifier String campaignId, String memberId, int quantity,
                          LocalDate today, String actor, Instant at) {
    }

    @AggregateIdentifier
    private String campaignId;
    private String name;
    private String item;
    private int stock;
    private int perMemberLimit;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private final Map<String, Integer> handedOut = new HashMap<>();

    protected Campaign() {
    }

    @CommandHandler
    public Campaign(StartCampaignCommand command) {
        if (command.endsOn().isBefore(command.startsOn())) {
            throw new InvalidRequest("endsOn: the campaign ends before it starts");
        }
        apply(new GiftCampaignStartedEvent(command.campaignId(), command.name(), command.item(), command.stock(),
                command.perMemberLimit(), command.startsOn(), command.endsOn(), command.actor(), command.at()));
    }

    @CommandHandler
    int handle(AddStockCommand command) {
        apply(new GiftStockAddedEvent(campaignId, command.quantity(), stock + command.quantity(), command.actor(),
                command.at()));
        return stock;
    }

    /** Answers the stock left. */
    @CommandHandler
    int handle(HandOutCommand command) {
        if (command.today().isBefore(startsOn) || command.today().isAfter(endsOn)) {
            throw new RuleViolation("campaign-not-running", "campaign " + name + " runs from " + startsOn + " to "
                    + endsOn + ": nothing is handed out on " + command.today() + " (M3)");
        }
        if (command.quantity() > stock) {
            throw new RuleViolation("out-of-stock", "campaign " + name + " has " + stock + " " + item
                    + " left: " + command.quantity() + " cannot be handed out (M3)");
        }
        int already = handedOut.getOrDefault(command.memberId(), 0);
        if (already + command.quantity() > perMemberLimit) {
            throw new RuleViolation("gift-limit-reached", "a member receives at most " + perMemberLimit + " "
                    + item + " in campaign " + name + "; this member has had " + already + " (M3)");
        }
        apply(new GiftHandedOutEvent(campaignId, item, command.memberId(), command.quantity(),
                stock - command.quantity(), command.actor(), command.at()));
        return stock;
    }

    @EventSourcingHandler
    void on(GiftCampaignStartedEvent event) {
        campaignId = event.campaignId();
        name = event.name();
        item = event.item();
        stock = event.stock();
        perMemberLimit = event.perMemberLimit();
        startsOn = event.startsOn();
        endsOn = event.endsOn();
    }

    @EventSourcingHandler
    void on(GiftStockAddedEvent event) {
        stock = event.stock();
    }

    @EventSourcingHandler
    void on(GiftHandedOutEvent event) {
        stock = event.stock();
        handedOut.merge(event.memberId(), event.quantity(), Integer::sum);
    }
}
