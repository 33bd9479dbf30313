package com.kefu.membership.command;

import com.fasterxml.jackson.annotation.JsonManagedReference;
import com.kefu.membership.api.MemberCardReplacedEvent;
import com.kefu.membership.api.MemberDetailsChangedEvent;
import com.kefu.membership.api.MemberRegisteredEvent;
import com.kefu.membership.api.MemberStatus;
import com.kefu.membership.api.MemberTierChangedEvent;
import com.kefu.membership.api.Tier;
import com.kefu.membership.command.MemberCommands.ChangeDetailsCommand;
import com.kefu.membership.command.MemberCommands.ChangeTierCommand;
import com.kefu.membership.command.MemberCommands.ReplaceCardCommand;
import com.kefu.membership.event.MemberContactRecordedEvent;
import com.kefu.platform.axon.Snapshots;
import com.kefu.platform.privacy.Masking;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member of the mall's loyalty programme (M1, M2, M4): card, tier, status and points. The root keeps the card, the
 * details and the tier; two members of the aggregate, each with its own handlers, keep the rest: the
 * {@link Enrolment} (active, suspended or cancelled, and the erasure of a cancelled one, M1, S3) and the
 * {@link PointsAccount} (M2). Axon hands every event to every member; each acts on the events it keeps state from,
 * and reads the root's through it.
 * <p>
 * Every change of points is an event of the member, for as long as the membership lasts: it is loaded from a
 * snapshot and the events after it. It keeps no personal data (name and phone stay in the encrypted events, S3). A
 * snapshot writes the members inside the root and their way back to it as a Jackson managed/back reference; revision
 * 2 is this shape (revision 1 kept status and points in the root: those snapshots are passed over).
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER)
@Revision("2")
public class Member {

    /** Who changes a tier when the points rules do it. */
    static final String TIER_RULES = "system:tier-rules";

    @AggregateIdentifier
    private String memberId;
    private String cardNumber;
    private Tier tier;
    @AggregateMember
    @JsonManagedReference("enrolment")
    private Enrolment enrolment;
    @AggregateMember
    @JsonManagedReference("points")
    private PointsAccount points;

    protected Member() {
    }

    @CommandHandler
    public Member(RegisterMemberCommand command) {
        apply(new MemberRegisteredEvent(command.memberId(), command.cardNumber(), command.name(),
                Masking.phone(command.phone()), command.tier(), command.registeredBy(), command.registeredAt()));
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

    /** Axon hands this event to the members after this handler, so none of them may act on it twice. */
    @EventSourcingHandler
    void on(MemberRegisteredEvent event) {
        memberId = event.memberId();
        cardNumber = event.cardNumber();
        tier = event.tier();
        enrolment = new Enrolment(this);
        points = new PointsAccount(this);
    }

    @EventSourcingHandler
    void on(MemberCardReplacedEvent event) {
        cardNumber = event.cardNumber();
    }

    @EventSourcingHandler
    void on(MemberTierChangedEvent event) {
        tier = event.tier();
    }

    /** What the membership allows at this moment: the checks of {@link Standing}. */
    Standing standing() {
        return new Standing(cardNumber, status());
    }

    String memberId() {
        return memberId;
    }

    Tier tier() {
        return tier;
    }

    MemberStatus status() {
        return enrolment.status();
    }

    long balance() {
        return points.balance();
    }

    String cardNumber() {
        return Objects.requireNonNull(cardNumber);
    }
}
