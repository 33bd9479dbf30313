package com.kefu.broadcast.command;

import com.kefu.broadcast.api.ScriptDraftedEvent;
import com.kefu.broadcast.api.ScriptRevisedEvent;
import com.kefu.broadcast.command.ScriptCommands.DraftScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.ReviseScriptCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

import static com.kefu.broadcast.command.ScriptStatus.DRAFT;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A broadcast script: its texts in both languages and their versions (B2), on the way to approval (B3) and the air
 * (B4); the workflow is {@link ScriptStatus}. The approved version keeps airing while a later edit waits for its
 * own approval: what airs is always a text a supervisor approved, never the edit (播放的稿件要经过主管领导审批).
 * <p>
 * The root keeps the writing (draft and revisions); the way from submission through approval to the air is a
 * member of the aggregate with handlers of its own, the {@link ScriptReview}, made with the draft. Axon hands it
 * every event of the script; it reads the root's state through the root.
 */
@Aggregate
public class Script {

    @AggregateIdentifier
    private String scriptId;
    private int version;
    private String title;
    private String programme;
    @AggregateMember
    private ScriptReview review;

    protected Script() {
    }

    @CommandHandler
    public Script(DraftScriptCommand command) {
        ScriptLanguages.requireBilingual(command.textZh(), command.textRu());
        apply(new ScriptDraftedEvent(command.scriptId(), 1, command.title(), command.programme(),
                command.textZh(), command.textRu(), command.author(), command.draftedAt()));
    }

    @CommandHandler
    ScriptAnswer handle(ReviseScriptCommand command) {
        status().requireMove(scriptId, version, DRAFT, "edited");
        ScriptLanguages.requireBilingual(command.textZh(), command.textRu());
        apply(new ScriptRevisedEvent(scriptId, version + 1, command.title(), command.programme(), command.textZh(),
                command.textRu(), command.author(), command.revisedAt()));
        return answer();
    }

    ScriptAnswer answer() {
        return new ScriptAnswer(scriptId, version, status());
    }

    /** Axon hands this event to the review after this handler, which must not act on it again. */
    @EventSourcingHandler
    void on(ScriptDraftedEvent event) {
        scriptId = event.scriptId();
        written(event.version(), event.title(), event.programme());
        review = new ScriptReview(this, event.author());
    }

    @EventSourcingHandler
    void on(ScriptRevisedEvent event) {
        written(event.version(), event.title(), event.programme());
    }

    private void written(int newVersion, String newTitle, String newProgramme) {
        version = newVersion;
        title = newTitle;
        programme = newProgramme;
    }

    String scriptId() {
        return scriptId;
    }

    int version() {
        return version;
    }

    String title() {
        return title;
    }

    String programme() {
        return programme;
    }

    ScriptStatus status() {
        return review.status();
    }

    Approval approval() {
        return review.approval();
    }

    /** Where the script stands after a command. */
    public record ScriptAnswer(String id, int version, ScriptStatus status) {
    }
}
