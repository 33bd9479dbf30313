package com.kefu.broadcast.command;

import com.kefu.broadcast.api.ScriptAiredEvent;
import com.kefu.broadcast.api.ScriptApprovedEvent;
import com.kefu.broadcast.api.ScriptRejectedEvent;
import com.kefu.broadcast.api.ScriptRevisedEvent;
import com.kefu.broadcast.api.ScriptSubmittedEvent;
import com.kefu.broadcast.api.ScriptWithdrawnEvent;
import com.kefu.broadcast.command.Script.ScriptAnswer;
import com.kefu.broadcast.command.ScriptCommands.AirScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.ApproveScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.RejectScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.SubmitScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.WithdrawScriptCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.Set;

import static com.kefu.broadcast.command.ScriptStatus.APPROVED;
import static com.kefu.broadcast.command.ScriptStatus.DRAFT;
import static com.kefu.broadcast.command.ScriptStatus.REJECTED;
import static com.kefu.broadcast.command.ScriptStatus.SUBMITTED;
import static com.kefu.broadcast.command.ScriptStatus.WITHDRAWN;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member of the {@link Script} aggregate: where its latest version stands on the way to the air (B3, B4), who wrote
 * a version of it (they do not approve it) and which version a supervisor approved for which days — what airs.
 */
class ScriptReview {

    private final Script script;
    private final Set<String> authors = new HashSet<>();
    private ScriptStatus status = DRAFT;
    private Approval approval;

    ScriptReview(Script script, String author) {
        this.script = script;
        authors.add(author);
    }

    ScriptStatus status() {
        return status;
    }

    Approval approval() {
        return approval;
    }

    @CommandHandler
    ScriptAnswer handle(SubmitScriptCommand command) {
        status.requireMove(script.scriptId(), script.version(), SUBMITTED, "submitted");
        apply(new ScriptSubmittedEvent(script.scriptId(), script.version(), command.actor(), command.at()));
        return script.answer();
    }

    @CommandHandler
    ScriptAnswer handle(ApproveScriptCommand command) {
        status.requireMove(script.scriptId(), script.version(), APPROVED, "approved");
        Approval.requireGrantable(script.scriptId(), authors, command.actor(), command.validFrom(),
                command.validUntil());
        apply(new ScriptApprovedEvent(script.scriptId(), script.version(), command.validFrom(), command.validUntil(),
                command.actor(), command.at()));
        return script.answer();
    }

    @CommandHandler
    ScriptAnswer handle(RejectScriptCommand command) {
        status.requireMove(script.scriptId(), script.version(), REJECTED, "rejected");
        Approval.requireReason(command.reason());
        apply(new ScriptRejectedEvent(script.scriptId(), script.version(), command.reason(), command.actor(),
                command.at()));
        return script.answer();
    }

    @CommandHandler
    ScriptAnswer handle(WithdrawScriptCommand command) {
        status.requireMove(script.scriptId(), script.version(), WITHDRAWN, "withdrawn");
        apply(new ScriptWithdrawnEvent(script.scriptId(), script.version(), command.reason(), command.actor(),
                command.at()));
        return script.answer();
    }

    @CommandHandler
    int handle(AirScriptCommand command) {
        Approval.requireAirable(script.scriptId(), script.version(), status, approval)
                .requireAirableOn(script.scriptId(), command.day());
        apply(new ScriptAiredEvent(script.scriptId(), command.airingId(), approval.version(), command.language(),
                script.title(), script.programme(), command.actor(), command.at()));
        return approval.version();
    }

    /** A new version is a draft again; the approved one keeps airing until the new one is approved. */
    @EventSourcingHandler
    void on(ScriptRevisedEvent event) {
        authors.add(event.author());
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
}
