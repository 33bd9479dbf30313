package com.kefu.membership.command;

import com.kefu.membership.api.Tier;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.security.CurrentUser;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.UUID;

/** Registers members: draws the card number, sends the command as the signed-in staff member. */
@Service
public class MemberRegistration {

    private final Commands commands;
    private final CardNumbers cardNumbers;
    private final Clock clock;

    public MemberRegistration(Commands commands, CardNumbers cardNumbers, Clock clock) {
        this.commands = commands;
        this.cardNumbers = cardNumbers;
        this.clock = clock;
    }

    public Registered register(NewMember member) {
        String id = UUID.randomUUID().toString();
        String cardNumber = cardNumbers.next();
        commands.send(new RegisterMemberCommand(id, cardNumber, member.name(), member.phone(), member.tier(),
                CurrentUser.get().username(), clock.instant()));
        return new Registered(id, cardNumber);
    }

    /** What the desk filled in. */
    public record NewMember(String name, String phone, Tier tier) {
    }

    public record Registered(String id, String cardNumber) {
    }
}
