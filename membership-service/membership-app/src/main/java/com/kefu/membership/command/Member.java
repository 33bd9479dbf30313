package com.kefu.membership.command;

import com.kefu.membership.api.MemberRegisteredEvent;
import com.kefu.membership.api.Tier;
import com.kefu.platform.privacy.Masking;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A member of the mall's loyalty programme, with their card and tier. */
@Aggregate
public class Member {

    @AggregateIdentifier
    private String memberId;
    private Tier tier;
    private MemberStatus status;

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

    @EventSourcingHandler
    void on(MemberRegisteredEvent event) {
        memberId = event.memberId();
        tier = event.tier();
        status = MemberStatus.ACTIVE;
    }

    Tier tier() {
        return tier;
    }

    MemberStatus status() {
        return status;
    }
}
