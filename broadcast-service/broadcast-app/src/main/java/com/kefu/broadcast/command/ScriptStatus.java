package com.kefu.broadcast.command;

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
}
