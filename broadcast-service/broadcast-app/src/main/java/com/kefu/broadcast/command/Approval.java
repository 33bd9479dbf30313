package com.kefu.broadcast.command;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.platform.rules.RuleViolation;

import java.time.LocalDate;
import java.util.Set;

/**
 * The version of a script a supervisor approved, and the days it may air (B3): from {@code validFrom} to
 * {@code validUntil}, both included; an open end has no limit.
 */
record Approval(int version, LocalDate validFrom, LocalDate validUntil) {

    /**
     * Refuses an approval by someone who wrote a version of the script (another supervisor must approve it, B3) or
     * with a validity that ends before it begins.
     */
    static void requireGrantable(String scriptId, Set<String> authors, String approver, LocalDate validFrom,
                                 LocalDate validUntil) {
        if (authors.contains(approver)) {
            throw new RuleViolation("approver-is-author", "script " + scriptId + ": " + approver
                    + " wrote a version of it and cannot approve it; another supervisor must (B3)");
        }
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw new InvalidRequest("validUntil " + validUntil + " is before validFrom " + validFrom);
        }
    }

    /** Refuses a rejection that does not say why (B3). */
    static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("rejection-needs-reason", "a rejection says why (B3)");
        }
    }

    /** Refuses to air a withdrawn script, or one no supervisor approved a version of (B3, B4). */
    static Approval requireAirable(String scriptId, int version, ScriptStatus status, Approval approval) {
        if (status == ScriptStatus.WITHDRAWN) {
            throw new RuleViolation("script-withdrawn", "script " + scriptId + " was withdrawn: it cannot air (B4)");
        }
        if (approval == null) {
            throw new RuleViolation("script-not-approved", "script " + scriptId + " version " + version + " is "
                    + status + ": no version of it was approved by a supervisor, so it cannot air (B3, B4)");
        }
        return approval;
    }

    /** Refuses a day outside the approval's validity (B4): not yet valid, or expired. */
    void requireAirableOn(String scriptId, LocalDate day) {
        if (validFrom != null && day.isBefore(validFrom)) {
            throw new RuleViolation("script-not-yet-valid", "script " + scriptId + " version " + version
                    + " is approved to air from " + validFrom + ", not on " + day + " (B4)");
        }
        if (validUntil != null && day.isAfter(validUntil)) {
            throw new RuleViolation("script-expired", "script " + scriptId + " version " + version
                    + " was approved to air until " + validUntil + ": it expired (B4)");
        }
    }
}
