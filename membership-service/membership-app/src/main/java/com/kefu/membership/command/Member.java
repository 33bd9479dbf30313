package com.kefu.membership.command;

import com.kefu.membership.api.MemberCardReplacedEvent;
import com.kefu.membership.api.MemberDetailsChangedEvent;
import com.kefu.membership.api.MemberPointsChangedEvent;
import com.kefu.membership.api.MemberRegisteredEvent;
import com.kefu.membership.api.MemberStatus;
import com.kefu.membership.api.MemberStatusChangedEvent;
import com.kefu.membership.api.MemberTierChangedEvent;
import com.kefu.membership.api.Tier;
import com.kefu.membership.command.MemberCommands.CancelCommand;
import com.kefu.membership.command.MemberCommands.ChangeDetailsCommand;
import com.kefu.membership.command.MemberCommands.ChangePointsCommand;
import com.kefu.membership.command.MemberCommands.ChangeTierCommand;
import com.kefu.membership.command.MemberCommands.ConfirmActiveCommand;
import com.kefu.membership.command.MemberCommands.ReinstateCommand;
import com.kefu.membership.command.MemberCommands.ReplaceCardCommand;
import com.kefu.membership.command.MemberCommands.SuspendCommand;
import com.kefu.membership.event.MemberContactRecordedEvent;
import com.kefu.platform.axon.Snapshots;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.privacy.PersonalDataErasedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member of the mall's loyalty programme (M1, M2, M4): card, tier, status and points. A cancelled membership
 * is closed for good; a suspended one keeps its record but earns, redeems and receives nothing until reinstated.
 * The points balance never goes below zero. Points earned over the membership may lift the tier by the rules of
 * {@link TierRules}, never lower it.
 * <p>
 * Every change of points is an event of the member, for as long as the membership lasts: it is loaded from a
 * snapshot and the events after it. It keeps no personal data (name and phone stay in the encrypted events, S3).
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER)
@Revision("1")
public class Member {

    /** Who changes a tier when the points rules do it. */
    static final String TIER_RULES = "system:tier-rules";

    @AggregateIdentifier
    private String memberId;
    private String cardNumber;
    private Tier tier;
    private MemberStatus status;
    private long balance;
    private long earned;

    protected Member() {
    }

    @CommandHandler
    public Member(RegisterMemberCommand command) {
        apply(new MemberRegisteredEvent(
                command.memberId(),
                command.cardNumber(),
                command.name(),
                Masking.phone(command.phone()),
                command.tier(),
                command.registeredBy(),
                command.registeredAt()));
        apply(new MemberContactRecordedEvent(command.memberId(), command.phone()));
    }

    @CommandHandler
    void handle(ChangeDetailsCommand command) {
        standing().requireNotCancelled("change the details of");
        apply(new MemberDetailsChangedEvent(memberId, cardNumber, command.name(),
                command.phone() == null ? null : Masking.phone(command.phone()), command.actor(), command.at()));
        if (command.phone() != null) {
            apply(new MemberContactRecordedEvent(memberId, command.phone()));
        }
    }

    @CommandHandler
    void handle(ReplaceCardCommand command) {
        standing().requireNotCancelled("replace the card of");
        apply(new MemberCardReplacedEvent(memberId, cardNumber, command.cardNumber(), command.reason(),
                command.actor(), command.at()));
    }

    @CommandHandler
    MemberStatus handle(SuspendCommand command) {
        standing().requireSuspendable();
        apply(new MemberStatusChangedEvent(memberId, cardNumber, status, MemberStatus.SUSPENDED, command.reason(),
                command.actor(), command.at()));
        return status;
    }

    @CommandHandler
    MemberStatus handle(ReinstateCommand command) {
        standing().requireReinstatable();
        apply(new MemberStatusChangedEvent(memberId, cardNumber, status, MemberStatus.ACTIVE, command.reason(),
                command.actor(), command.at()));
        return status;
    }

    @CommandHandler
    MemberStatus handle(CancelCommand command) {
        standing().requireNotCancelled("cancel");
        apply(new MemberStatusChangedEvent(memberId, cardNumber, status, MemberStatus.CANCELLED, command.reason(),
                command.actor(), command.at()));
        return status;
    }

    /** A change to the tier it already has changes nothing and publishes nothing. */
    @CommandHandler
    Tier handle(ChangeTierCommand command) {
        standing().requireNotCancelled("change the tier of");
        if (command.tier() != tier) {
            apply(new MemberTierChangedEvent(memberId, cardNumber, tier, command.tier(), command.actor(),
                    command.at()));
        }
        return tier;
    }

    @CommandHandler
    long handle(ChangePointsCommand command, TierRules rules) {
        standing().requirePointsChange(balance, command.delta());
        apply(new MemberPointsChangedEvent(memberId, cardNumber, command.delta(), balance + command.delta(),
                command.reason(), command.actor(), command.at()));
        Optional<Tier> earnedTier = rules.tierFor(earned);
        if (earnedTier.isPresent() && earnedTier.get().compareTo(tier) > 0) {
            apply(new MemberTierChangedEvent(memberId, cardNumber, tier, earnedTier.get(), TIER_RULES,
                    command.at()));
        }
        return balance;
    }

    @CommandHandler
    void handle(MemberCommands.EraseMemberPersonalDataCommand command) {
        standing().requireErasable();
        apply(new PersonalDataErasedEvent(memberId, command.actor(), command.reason(), command.at()));
    }

    @CommandHandler
    void handle(ConfirmActiveCommand command) {
        standing().requireActive(command.purpose());
    }

    private Standing standing() {
        return new Standing(cardNumber, status);
    }

    @EventSourcingHandler
    void on(MemberRegisteredEvent event) {
        memberId = event.memberId();
        cardNumber = event.cardNumber();
        tier = event.tier();
        status = MemberStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(MemberCardReplacedEvent event) {
        cardNumber = event.cardNumber();
    }

    @EventSourcingHandler
    void on(MemberStatusChangedEvent event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(MemberTierChangedEvent event) {
        tier = event.tier();
    }

    @EventSourcingHandler
    void on(MemberPointsChangedEvent event) {
        balance = event.balance();
        if (event.delta() > 0) {
            earned += event.delta();
        }
    }

    Tier tier() {
        return tier;
    }

    MemberStatus status() {
        return status;
    }

    long balance() {
        return balance;
    }

    String cardNumber() {
        return Objects.requireNonNull(cardNumber);
    }
}
