package com.kefu.broadcast.command;

import com.kefu.platform.rules.RuleViolation;

import java.time.LocalDate;

/**
 * The version of a script a supervisor approved, and the days it may air (B3): from {@code validFrom} to
 * {@code validUntil}, both included; an open end has no limit.
 */
record Approval(int version, LocalDate validFrom, LocalDate validUntil) {

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
