package com.kefu.broadcast.command;

import com.kefu.broadcast.api.Language;
import com.kefu.broadcast.command.ScriptCommands.AirScriptCommand;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.time.MallTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** What aired (B4): logs an airing of a script's approved version, as the signed-in broadcaster. */
@Service
public class AiringDesk {

    private final Commands commands;
    private final IdempotentCreates creates;
    private final MallTime mallTime;
    private final Clock clock;

    AiringDesk(Commands commands, IdempotentCreates creates, MallTime mallTime, Clock clock) {
        this.commands = commands;
        this.creates = creates;
        this.mallTime = mallTime;
        this.clock = clock;
    }

    /** {@code version}: the approved version that aired, which is not always the latest one written. */
    public record Aired(String id, String scriptId, int version, String language, String airedBy, Instant airedAt) {
    }

    /** Once per {@code idempotencyKey} (if given, API-IDEM). {@code language}: zh or ru. */
    @Transactional
    public Aired air(String scriptId, String language, String idempotencyKey) {
        return creates.once("airing", idempotencyKey, Aired.class, () -> {
            String airingId = UUID.randomUUID().toString();
            Instant now = clock.instant();
            String actor = CurrentUser.get().username();
            int version = commands.send(new AirScriptCommand(scriptId, airingId, Language.of(language),
                    mallTime.dayOf(now), actor, now));
            return new Aired(airingId, scriptId, version, language, actor, now);
        });
    }
}
