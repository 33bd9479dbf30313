package com.kefu.membership.command;

import com.fasterxml.jackson.annotation.JsonBackReference;
import com.kefu.membership.api.MemberPointsChangedEvent;
import com.kefu.membership.api.MemberTierChangedEvent;
import com.kefu.membership.api.Tier;
import com.kefu.membership.command.MemberCommands.ChangePointsCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member of the {@link Member} aggregate: its points (M2). The balance never goes below zero; the points earned over
 * the membership may lift the tier by the rules of {@link TierRules}, never lower it.
 */
class PointsAccount {

    @JsonBackReference("points")
    private Member member;
    private long balance;
    private long earned;

    /** For a snapshot's reading. */
    private PointsAccount() {
    }

    PointsAccount(Member member) {
        this.member = member;
    }

    long balance() {
        return balance;
    }

    @CommandHandler
    long handle(ChangePointsCommand command, TierRules rules) {
        member.standing().requirePointsChange(balance, command.delta());
        apply(new MemberPointsChangedEvent(member.memberId(), member.cardNumber(), command.delta(),
                balance + command.delta(), command.reason(), command.actor(), command.at()));
        Optional<Tier> earnedTier = rules.tierFor(earned);
        if (earnedTier.isPresent() && earnedTier.get().compareTo(member.tier()) > 0) {
            apply(new MemberTierChangedEvent(member.memberId(), member.cardNumber(), member.tier(), earnedTier.get(),
                    Member.TIER_RULES, command.at()));
        }
        return balance;
    }

    @EventSourcingHandler
    void on(MemberPointsChangedEvent event) {
        balance = event.balance();
        if (event.delta() > 0) {
            earned += event.delta();
        }
    }
}
