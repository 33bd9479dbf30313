package com.kefu.membership.command;

import com.kefu.membership.api.MemberStatus;
import com.kefu.membership.api.Tier;
import com.kefu.membership.command.MemberCommands.CancelCommand;
import com.kefu.membership.command.MemberCommands.ChangeDetailsCommand;
import com.kefu.membership.command.MemberCommands.ChangePointsCommand;
import com.kefu.membership.command.MemberCommands.ChangeTierCommand;
import com.kefu.membership.command.MemberCommands.ReinstateCommand;
import com.kefu.membership.command.MemberCommands.ReplaceCardCommand;
import com.kefu.membership.command.MemberCommands.SuspendCommand;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.privacy.PersonalDataKeys;
import com.kefu.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * The membership desk (M1, M2, M4): registers members under a new card number and changes them, as the signed-in
 * staff member. What must hold across members (one active membership per phone) is written in the same
 * transaction as the member's events.
 */
@Service
public class MemberDesk {

    private final Commands commands;
    private final CardNumbers cardNumbers;
    private final PhoneClaims phones;
    private final Clock clock;
    private final PersonalDataKeys keys;
    private final IdempotentCreates creates;

    MemberDesk(Commands commands, CardNumbers cardNumbers, PhoneClaims phones, Clock clock, PersonalDataKeys keys,
               IdempotentCreates creates) {
        this.creates = creates;
        this.keys = keys;
        this.commands = commands;
        this.cardNumbers = cardNumbers;
        this.phones = phones;
        this.clock = clock;
    }

    /** What the desk filled in. */
    public record NewMember(String name, String phone, Tier tier) {
    }

    public record Registered(String id, String cardNumber) {
    }

    @Transactional
    public Registered register(NewMember member, String idempotencyKey) {
        return creates.once("member", idempotencyKey, Registered.class, () -> register(member));
    }

    private Registered register(NewMember member) {
        String id = UUID.randomUUID().toString();
        phones.claim(member.phone(), id);
        String cardNumber = cardNumbers.next();
        commands.send(new RegisterMemberCommand(id, cardNumber, member.name(), member.phone(), member.tier(),
                actor(), clock.instant()));
        return new Registered(id, cardNumber);
    }

    @Transactional
    public void changeDetails(String memberId, String name, String phone) {
        if (phone != null) {
            phones.claim(phone, memberId);
            phones.releaseOthers(memberId, phone);
        }
        commands.send(new ChangeDetailsCommand(memberId, name, phone, actor(), clock.instant()));
    }

    /** Answers the new card number; the old one stops working. */
    public String replaceCard(String memberId, String reason) {
        String cardNumber = cardNumbers.next();
        commands.send(new ReplaceCardCommand(memberId, cardNumber, reason, actor(), clock.instant()));
        return cardNumber;
    }

    public MemberStatus suspend(String memberId, String reason) {
        return commands.send(new SuspendCommand(memberId, reason, actor(), clock.instant()));
    }

    public MemberStatus reinstate(String memberId, String reason) {
        return commands.send(new ReinstateCommand(memberId, reason, actor(), clock.instant()));
    }

    @Transactional
    public MemberStatus cancel(String memberId, String reason) {
        MemberStatus status = commands.send(new CancelCommand(memberId, reason, actor(), clock.instant()));
        phones.releaseAll(memberId);
        return status;
    }

    /** The member's name and phone read as erased from now on, everywhere (S3); the membership's record stays. */
    @Transactional
    public void erase(String memberId, String reason) {
        commands.send(new MemberCommands.EraseMemberPersonalDataCommand(memberId, reason, actor(), clock.instant()));
        keys.erase(memberId, actor(), reason);
        phones.releaseAll(memberId);
    }

    public Tier changeTier(String memberId, Tier tier) {
        return commands.send(new ChangeTierCommand(memberId, tier, actor(), clock.instant()));
    }

    /** Answers the balance after it. */
    public long changePoints(String memberId, long delta, String reason) {
        return commands.send(new ChangePointsCommand(memberId, delta, reason, actor(), clock.instant()));
    }

    private static String actor() {
        return CurrentUser.get().username();
    }
}
