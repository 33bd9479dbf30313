package com.kefu.membership.command;

import com.fasterxml.jackson.annotation.JsonBackReference;
import com.kefu.membership.api.MemberStatus;
import com.kefu.membership.api.MemberStatusChangedEvent;
import com.kefu.membership.command.MemberCommands.CancelCommand;
import com.kefu.membership.command.MemberCommands.ConfirmActiveCommand;
import com.kefu.membership.command.MemberCommands.EraseMemberPersonalDataCommand;
import com.kefu.membership.command.MemberCommands.ReinstateCommand;
import com.kefu.membership.command.MemberCommands.SuspendCommand;
import com.kefu.platform.privacy.PersonalDataErasedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member of the {@link Member} aggregate: whether the membership is active, suspended or cancelled (M1). A cancelled
 * membership is closed for good and only then erased (S3); a suspended one keeps its record but earns, redeems and
 * receives nothing until reinstated. The checks are {@link Standing}'s.
 */
class Enrolment {

    @JsonBackReference("enrolment")
    private Member member;
    private MemberStatus status = MemberStatus.ACTIVE;

    /** For a snapshot's reading. */
    private Enrolment() {
    }

    Enrolment(Member member) {
        this.member = member;
    }

    MemberStatus status() {
        return status;
    }

    @CommandHandler
    MemberStatus handle(SuspendCommand command) {
        member.standing().requireSuspendable();
        return become(MemberStatus.SUSPENDED, command.reason(), command.actor(), command.at());
    }

    @CommandHandler
    MemberStatus handle(ReinstateCommand command) {
        member.standing().requireReinstatable();
        return become(MemberStatus.ACTIVE, command.reason(), command.actor(), command.at());
    }

    @CommandHandler
    MemberStatus handle(CancelCommand command) {
        member.standing().requireNotCancelled("cancel");
        return become(MemberStatus.CANCELLED, command.reason(), command.actor(), command.at());
    }

    @CommandHandler
    void handle(EraseMemberPersonalDataCommand command) {
        member.standing().requireErasable();
        apply(new PersonalDataErasedEvent(member.memberId(), command.actor(), command.reason(), command.at()));
    }

    @CommandHandler
    void handle(ConfirmActiveCommand command) {
        member.standing().requireActive(command.purpose());
    }

    private MemberStatus become(MemberStatus next, String reason, String actor, Instant at) {
        apply(new MemberStatusChangedEvent(member.memberId(), member.cardNumber(), status, next, reason, actor, at));
        return status;
    }

    @EventSourcingHandler
    void on(MemberStatusChangedEvent event) {
        status = event.status();
    }
}
