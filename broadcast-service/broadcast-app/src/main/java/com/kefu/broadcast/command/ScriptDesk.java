package com.kefu.broadcast.command;

import com.kefu.platform.axon.Commands;
import com.kefu.platform.security.CurrentUser;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.UUID;

/** The broadcaster's desk: drafts scripts as the signed-in broadcaster. */
@Service
public class ScriptDesk {

    private final Commands commands;
    private final Clock clock;

    public ScriptDesk(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public Drafted draft(NewScript script) {
        String id = UUID.randomUUID().toString();
        commands.send(new DraftScriptCommand(id, script.title(), script.programme(), script.textZh(),
                script.textRu(), CurrentUser.get().username(), clock.instant()));
        return new Drafted(id, 1, ScriptStatus.DRAFT);
    }

    /** What the broadcaster wrote. */
    public record NewScript(String title, String programme, String textZh, String textRu) {
    }

    public record Drafted(String id, int version, ScriptStatus status) {
    }
}
