package com.kefu.broadcast.command;

import com.kefu.broadcast.api.Language;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/** What is done to a script: written (B2), approved (B3), aired (B4). */
final class ScriptCommands {

    private ScriptCommands() {
    }

    /** Writes a new script in Chinese and Russian (B2). */
    record DraftScriptCommand(@TargetAggregateIdentifier String scriptId, String title, String programme,
                              String textZh, String textRu, String author, Instant draftedAt) {
    }

    /** Edits a script: a new version, a draft again (B3). */
    record ReviseScriptCommand(@TargetAggregateIdentifier String scriptId, String title, String programme,
                               String textZh, String textRu, String author, Instant revisedAt) {
    }

    record SubmitScriptCommand(@TargetAggregateIdentifier String scriptId, String actor, Instant at) {
    }

    /** {@code validFrom}, {@code validUntil}: the station's days it may air, both included, either open. */
    record ApproveScriptCommand(@TargetAggregateIdentifier String scriptId, LocalDate validFrom,
                                LocalDate validUntil, String actor, Instant at) {
    }

    record RejectScriptCommand(@TargetAggregateIdentifier String scriptId, String reason, String actor,
                               Instant at) {
    }

    record WithdrawScriptCommand(@TargetAggregateIdentifier String scriptId, String reason, String actor,
                                 Instant at) {
    }

    /** {@code day}: the station's date at {@code at}, against which the approval's validity is checked. */
    record AirScriptCommand(@TargetAggregateIdentifier String scriptId, String airingId, Language language,
                            LocalDate day, String actor, Instant at) {
    }
}
