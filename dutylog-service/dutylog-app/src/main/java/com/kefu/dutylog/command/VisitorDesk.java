package com.kefu.dutylog.command;

import com.kefu.dutylog.command.VisitorCommands.EraseVisitorCommand;
import com.kefu.dutylog.command.VisitorCommands.IssueBadgeCommand;
import com.kefu.dutylog.command.VisitorCommands.ReturnBadgeCommand;
import com.kefu.dutylog.command.VisitorCommands.SignInVisitorCommand;
import com.kefu.dutylog.command.VisitorCommands.SignOutVisitorCommand;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.privacy.PersonalDataKeys;
import com.kefu.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The visitors' log (D18): a visit and its badge change together, in one transaction, so a badge is out exactly
 * while its visitor is in; who and when come from the sign-in and the service's clock.
 */
@Service
public class VisitorDesk {

    private final Commands commands;
    private final PersonalDataKeys keys;
    private final Clock clock;
    private final IdempotentCreates creates;

    VisitorDesk(Commands commands, PersonalDataKeys keys, Clock clock, IdempotentCreates creates) {
        this.creates = creates;
        this.commands = commands;
        this.keys = keys;
        this.clock = clock;
    }

    @Transactional
    public String signIn(String name, String visiting, String badge, String idempotencyKey) {
        return creates.once("visitor", idempotencyKey, String.class, () -> signIn(name, visiting, badge));
    }

    private String signIn(String name, String visiting, String badge) {
        String visitId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        commands.send(new IssueBadgeCommand(Badge.idOf(badge), badge, visitId, now));
        commands.send(new SignInVisitorCommand(visitId, name, visiting, badge, CurrentUser.get().username(), now));
        return visitId;
    }

    @Transactional
    public void signOut(String visitId) {
        Instant now = clock.instant();
        String badge = commands.send(new SignOutVisitorCommand(visitId, CurrentUser.get().username(), now));
        commands.send(new ReturnBadgeCommand(Badge.idOf(badge), badge, visitId, now));
    }

    /**
     * Erases the visitor's name on their request (S3): the visit's key is deleted, so the name reads as erased in
     * its events, history and replay; then the visit tells the list to forget even the masked name.
     */
    @Transactional
    public void erase(String visitId, String reason) {
        String actor = CurrentUser.get().username();
        keys.erase(visitId, actor, reason);
        commands.send(new EraseVisitorCommand(visitId, reason, actor, clock.instant()));
    }
}
