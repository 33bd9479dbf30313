package com.kefu.broadcast.command;

import com.kefu.broadcast.command.Script.ScriptAnswer;
import com.kefu.broadcast.command.ScriptCommands.DraftScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.ReviseScriptCommand;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.security.CurrentUser;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.UUID;

/** The broadcaster's desk: writes scripts and their new versions as the signed-in broadcaster. */
@Service
public class ScriptDesk {

    private final Commands commands;
    private final Clock clock;

    public ScriptDesk(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public ScriptAnswer draft(NewScript script) {
        String id = UUID.randomUUID().toString();
        commands.send(new DraftScriptCommand(id, script.title(), script.programme(), script.textZh(),
                script.textRu(), CurrentUser.get().username(), clock.instant()));
        return new ScriptAnswer(id, 1, ScriptStatus.DRAFT);
    }

    public ScriptAnswer revise(String id, NewScript script) {
        return commands.send(new ReviseScriptCommand(id, script.title(), script.programme(), script.textZh(),
                script.textRu(), CurrentUser.get().username(), clock.instant()));
    }

    /** What the broadcaster wrote. */
    public record NewScript(String title, String programme, String textZh, String textRu) {
    }
}
