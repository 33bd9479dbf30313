package com.kefu.broadcast.command;

import com.kefu.broadcast.command.Script.ScriptAnswer;
import com.kefu.broadcast.command.ScriptCommands.ApproveScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.DraftScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.RejectScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.ReviseScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.SubmitScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.WithdrawScriptCommand;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** The broadcaster's desk: writes scripts and their new versions as the signed-in broadcaster. */
@Service
public class ScriptDesk {

    private final Commands commands;
    private final Clock clock;
    private final IdempotentCreates creates;

    public ScriptDesk(Commands commands, Clock clock, IdempotentCreates creates) {
        this.creates = creates;
        this.commands = commands;
        this.clock = clock;
    }

    /** A new script, its first version a draft; once per {@code idempotencyKey} (if given, API-IDEM). */
    @Transactional
    public ScriptAnswer draft(NewScript script, String idempotencyKey) {
        return creates.once("script", idempotencyKey, ScriptAnswer.class, () -> {
            String id = UUID.randomUUID().toString();
            commands.send(new DraftScriptCommand(id, script.title(), script.programme(), script.textZh(),
                    script.textRu(), user(), clock.instant()));
            return new ScriptAnswer(id, 1, ScriptStatus.DRAFT);
        });
    }

    public ScriptAnswer revise(String id, NewScript script) {
        return commands.send(new ReviseScriptCommand(id, script.title(), script.programme(), script.textZh(),
                script.textRu(), user(), clock.instant()));
    }

    public ScriptAnswer submit(String id) {
        return commands.send(new SubmitScriptCommand(id, user(), clock.instant()));
    }

    /** {@code validFrom}, {@code validUntil}: the days the approved version may air, open-ended when null. */
    public ScriptAnswer approve(String id, LocalDate validFrom, LocalDate validUntil) {
        return commands.send(new ApproveScriptCommand(id, validFrom, validUntil, user(), clock.instant()));
    }

    public ScriptAnswer reject(String id, String reason) {
        return commands.send(new RejectScriptCommand(id, reason, user(), clock.instant()));
    }

    public ScriptAnswer withdraw(String id, String reason) {
        return commands.send(new WithdrawScriptCommand(id, reason, user(), clock.instant()));
    }

    private static String user() {
        return CurrentUser.get().username();
    }

    /** What the broadcaster wrote. */
    public record NewScript(String title, String programme, String textZh, String textRu) {
    }
}
