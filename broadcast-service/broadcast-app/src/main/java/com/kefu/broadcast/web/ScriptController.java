package com.kefu.broadcast.web;

import com.kefu.broadcast.api.Language;
import com.kefu.broadcast.command.Script.ScriptAnswer;
import com.kefu.broadcast.command.ScriptDesk;
import com.kefu.broadcast.query.ScriptQueries;
import com.kefu.broadcast.query.ScriptVersionView;
import com.kefu.broadcast.query.ScriptView;
import com.kefu.broadcast.speech.SpeechSynthesis;
import com.kefu.broadcast.speech.SpeechSynthesis.SpeechUnavailable;
import com.kefu.broadcast.web.BroadcastRequests.Approval;
import com.kefu.broadcast.web.BroadcastRequests.Rejection;
import com.kefu.broadcast.web.BroadcastRequests.Withdrawal;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.web.Problems;
import com.kefu.platform.rules.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Scripts (B2), their approval (B3), their history and their audio. */
@RestController
@RequestMapping("/api/scripts")
class ScriptController {

    private final ScriptDesk desk;
    private final ScriptQueries queries;
    private final EventHistory history;
    private final SpeechSynthesis speech;

    ScriptController(ScriptDesk desk, ScriptQueries queries, EventHistory history, SpeechSynthesis speech) {
        this.desk = desk;
        this.queries = queries;
        this.history = history;
        this.speech = speech;
    }

    @Operation(summary = "Drafts a bilingual script")
    @PostMapping
    @PreAuthorize(Access.BROADCASTER)
    ResponseEntity<ScriptAnswer> draft(@Valid @RequestBody DraftScriptRequest request,
                                       @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                                       @Size(max = 100) String idempotencyKey) {
        ScriptAnswer drafted = desk.draft(request.toNewScript(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/scripts/" + drafted.id())).body(drafted);
    }

    /** An edit: a new version, a draft again, needing approval again (B3). */
    @Operation(summary = "Revises a script (a new version, to approve again)")
    @PutMapping("/{id}")
    @PreAuthorize(Access.BROADCASTER)
    ScriptAnswer revise(@PathVariable String id, @Valid @RequestBody DraftScriptRequest request) {
        return desk.revise(id, request.toNewScript());
    }

    @Operation(summary = "Lists scripts")
    @GetMapping
    @PreAuthorize(Access.READERS)
    List<ScriptView> list(@RequestParam(required = false) String status,
                          @RequestParam(required = false) String programme) {
        return queries.list(status, programme);
    }

    @Operation(summary = "Shows a script")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READERS)
    ScriptView get(@PathVariable String id) {
        return queries.find(id).orElseThrow(() -> new NotFound("no script " + id));
    }

    @Operation(summary = "Lists a script's versions")
    @GetMapping("/{id}/versions")
    @PreAuthorize(Access.READERS)
    List<ScriptVersionView> versions(@PathVariable String id) {
        List<ScriptVersionView> versions = queries.versions(id);
        if (versions.isEmpty()) {
            throw new NotFound("no script " + id);
        }
        return versions;
    }

    /** Every event of the script, in order, from the event store. */
    @Operation(summary = "Lists a script's events in order")
    @GetMapping("/{id}/history")
    @PreAuthorize(Access.READERS)
    List<EventHistory.Entry> history(@PathVariable String id) {
        return history.of("Script", id, () -> new NotFound("no script " + id));
    }

    @Operation(summary = "Submits a script for approval")
    @PostMapping("/{id}/submit")
    @PreAuthorize(Access.BROADCASTER)
    ScriptAnswer submit(@PathVariable String id) {
        return desk.submit(id);
    }

    @Operation(summary = "Approves a script's version")
    @PostMapping("/{id}/approve")
    @PreAuthorize(Access.SUPERVISOR)
    ScriptAnswer approve(@PathVariable String id, @Valid @RequestBody(required = false) Approval approval) {
        Approval validity = approval == null ? new Approval(null, null) : approval;
        return desk.approve(id, validity.validFrom(), validity.validUntil());
    }

    @Operation(summary = "Rejects a script's version, naming why")
    @PostMapping("/{id}/reject")
    @PreAuthorize(Access.SUPERVISOR)
    ScriptAnswer reject(@PathVariable String id, @Valid @RequestBody Rejection rejection) {
        return desk.reject(id, rejection.reason());
    }

    @Operation(summary = "Withdraws a script")
    @PostMapping("/{id}/withdraw")
    @PreAuthorize(Access.BROADCASTER_OR_SUPERVISOR)
    ScriptAnswer withdraw(@PathVariable String id, @Valid @RequestBody(required = false) Withdrawal withdrawal) {
        String reason = withdrawal == null ? null : withdrawal.reason();
        return desk.withdraw(id, reason);
    }

    /**
     * The version that may air, read out in {@code language} by espeak-ng (WAV). 409 when no version is approved;
     * 503 when espeak-ng is not installed here.
     */
    @Operation(summary = "Reads the approved version of a script out (WAV)")
    @GetMapping("/{id}/audio")
    @PreAuthorize(Access.READERS)
    ResponseEntity<?> audio(@PathVariable String id,
                            @RequestParam @Pattern(regexp = BroadcastRequests.LANGUAGE,
                                    message = "must be zh or ru") String language) {
        ScriptView script = get(id);
        if (script.airableVersion() == null || "WITHDRAWN".equals(script.status())) {
            throw new RuleViolation("script-not-approved", "script " + id + " has no approved version to read out"
                    + " (B3)");
        }
        ScriptVersionView version = queries.version(id, script.airableVersion())
                .orElseThrow(() -> new NotFound("no version " + script.airableVersion() + " of script " + id));
        Language spoken = Language.of(language);
        try {
            byte[] wav = speech.render(spoken == Language.ZH ? version.textZh() : version.textRu(), spoken);
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav"))
                    .header("X-Script-Version", String.valueOf(version.version())).body(wav);
        } catch (SpeechUnavailable unavailable) {
            ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "speech-unavailable",
                    "audio cannot be rendered here: " + unavailable.getMessage() + "; the script's text is at "
                            + "/api/scripts/" + id + "/versions");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }
}
