package com.kefu.broadcast.command;

import com.kefu.platform.rules.RuleViolation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a script's latest version stands (B3): DRAFT → SUBMITTED → APPROVED or REJECTED. An edit from any of
 * them makes a new version, a DRAFT again; WITHDRAWN ends the script, and nothing leaves it.
 */
public enum ScriptStatus {
    DRAFT, SUBMITTED, APPROVED, REJECTED, WITHDRAWN;

    public Set<ScriptStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(DRAFT, SUBMITTED, WITHDRAWN);
            case SUBMITTED -> EnumSet.of(DRAFT, APPROVED, REJECTED, WITHDRAWN);
            case APPROVED, REJECTED -> EnumSet.of(DRAFT, WITHDRAWN);
            case WITHDRAWN -> EnumSet.noneOf(ScriptStatus.class);
        };
    }

    public boolean canMoveTo(ScriptStatus target) {
        return next().contains(target);
    }

    /** Refuses a step the workflow does not allow from here (B3). */
    void requireMove(String scriptId, int version, ScriptStatus target, String verb) {
        if (!canMoveTo(target)) {
            throw new RuleViolation("script-workflow", "script " + scriptId + " version " + version + " is " + this
                    + " and cannot be " + verb + "; from " + this + " it can go to " + next() + " (B3)");
        }
    }
}
