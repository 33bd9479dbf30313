package com.kefu.broadcast.command;

import com.kefu.broadcast.api.ScriptDraftedEvent;
import com.kefu.platform.web.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A broadcast script: its texts in both languages and their versions, on the way to approval and the air. */
@Aggregate
public class Script {

    static final String BILINGUAL = "bilingual-script";

    @AggregateIdentifier
    private String scriptId;
    private int version;
    private ScriptStatus status;

    protected Script() {
    }

    @CommandHandler
    public Script(DraftScriptCommand command) {
        // the web layer refuses these already; the aggregate holds the rule for every other way in (B2)
        if (!ScriptLanguages.isChinese(command.textZh())) {
            throw new RuleViolation(BILINGUAL,
                    "a script needs a Chinese text in Han characters, without Russian in it (B2)");
        }
        if (!ScriptLanguages.isRussian(command.textRu())) {
            throw new RuleViolation(BILINGUAL,
                    "a script needs a Russian text in Cyrillic letters, without Chinese in it (B2)");
        }
        apply(new ScriptDraftedEvent(command.scriptId(), 1, command.title(), command.programme(),
                command.textZh(), command.textRu(), command.author(), command.draftedAt()));
    }

    @EventSourcingHandler
    void on(ScriptDraftedEvent event) {
        scriptId = event.scriptId();
        version = event.version();
        status = ScriptStatus.DRAFT;
    }

    int version() {
        return version;
    }

    ScriptStatus status() {
        return status;
    }
}
