package com.kefu.broadcast.command;

import com.kefu.broadcast.api.ScriptAiredEvent;
import com.kefu.broadcast.api.ScriptApprovedEvent;
import com.kefu.broadcast.api.ScriptDraftedEvent;
import com.kefu.broadcast.api.ScriptRejectedEvent;
import com.kefu.broadcast.api.ScriptRevisedEvent;
import com.kefu.broadcast.api.ScriptSubmittedEvent;
import com.kefu.broadcast.api.ScriptWithdrawnEvent;
import com.kefu.broadcast.command.ScriptCommands.AirScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.ApproveScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.DraftScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.RejectScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.ReviseScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.SubmitScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.WithdrawScriptCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static com.kefu.broadcast.command.ScriptStatus.APPROVED;
import static com.kefu.broadcast.command.ScriptStatus.DRAFT;
import static com.kefu.broadcast.command.ScriptStatus.REJECTED;
import static com.kefu.broadcast.command.ScriptStatus.SUBMITTED;
import static com.kefu.broadcast.command.ScriptStatus.WITHDRAWN;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A broadcast script: its texts in both languages and their versions (B2), on the way to approval (B3) and the air
 * (B4); the workflow is {@link ScriptStatus}. The approved version keeps airing while a later edit waits for its
 * own approval: what airs is always a text a supervisor approved, never the edit (播放的稿件要经过主管领导审批).
 */
@Aggregate
public class Script {

    @AggregateIdentifier
    private String scriptId;
    private int version;
    private ScriptStatus status;
    private String title;
    private String programme;
    private final Set<String> authors = new HashSet<>();
    private Approval approval;

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
        status.requireMove(scriptId, version, DRAFT, "edited");
        ScriptLanguages.requireBilingual(command.textZh(), command.textRu());
        apply(new ScriptRevisedEvent(scriptId, version + 1, command.title(), command.programme(), command.textZh(),
                command.textRu(), command.author(), command.revisedAt()));
        return answer();
    }

    @CommandHandler
    ScriptAnswer handle(SubmitScriptCommand command) {
        status.requireMove(scriptId, version, SUBMITTED, "submitted");
        apply(new ScriptSubmittedEvent(scriptId, version, command.actor(), command.at()));
        return answer();
    }

    @CommandHandler
    ScriptAnswer handle(ApproveScriptCommand command) {
        status.requireMove(scriptId, version, APPROVED, "approved");
        Approval.requireGrantable(scriptId, authors, command.actor(), command.validFrom(), command.validUntil());
        apply(new ScriptApprovedEvent(scriptId, version, command.validFrom(), command.validUntil(), command.actor(),
                command.at()));
        return answer();
    }

    @CommandHandler
    ScriptAnswer handle(RejectScriptCommand command) {
        status.requireMove(scriptId, version, REJECTED, "rejected");
        Approval.requireReason(command.reason());
        apply(new ScriptRejectedEvent(scriptId, version, command.reason(), command.actor(), command.at()));
        return answer();
    }

    @CommandHandler
    ScriptAnswer handle(WithdrawScriptCommand command) {
        status.requireMove(scriptId, version, WITHDRAWN, "withdrawn");
        apply(new ScriptWithdrawnEvent(scriptId, version, command.reason(), command.actor(), command.at()));
        return answer();
    }

    @CommandHandler
    int handle(AirScriptCommand command) {
        Approval.requireAirable(scriptId, version, status, approval).requireAirableOn(scriptId, command.day());
        apply(new ScriptAiredEvent(scriptId, command.airingId(), approval.version(), command.language(), title,
                programme, command.actor(), command.at()));
        return approval.version();
    }

    private ScriptAnswer answer() {
        return new ScriptAnswer(scriptId, version, status);
    }

    @EventSourcingHandler
    void on(ScriptDraftedEvent event) {
        scriptId = event.scriptId();
        written(event.version(), event.title(), event.programme(), event.author());
    }

    @EventSourcingHandler
    void on(ScriptRevisedEvent event) {
        written(event.version(), event.title(), event.programme(), event.author());
    }

    private void written(int newVersion, String newTitle, String newProgramme, String author) {
        version = newVersion;
        title = newTitle;
        programme = newProgramme;
        authors.add(author);
        status = DRAFT;
    }

    @EventSourcingHandler
    void on(ScriptSubmittedEvent event) {
        status = SUBMITTED;
    }

    @EventSourcingHandler
    void on(ScriptApprovedEvent event) {
        status = APPROVED;
        approval = new Approval(event.version(), event.validFrom(), event.validUntil());
    }

    @EventSourcingHandler
    void on(ScriptRejectedEvent event) {
        status = REJECTED;
    }

    @EventSourcingHandler
    void on(ScriptWithdrawnEvent event) {
        status = WITHDRAWN;
    }

    int version() {
        return version;
    }

    ScriptStatus status() {
        return status;
    }

    Approval approval() {
        return approval;
    }

    /** Where the script stands after a command. */
    public record ScriptAnswer(String id, int version, ScriptStatus status) {
    }
}
