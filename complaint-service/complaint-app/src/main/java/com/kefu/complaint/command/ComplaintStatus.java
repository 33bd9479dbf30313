package com.kefu.complaint.command;

import com.kefu.platform.rules.RuleViolation;

import java.util.EnumSet;
import java.util.Set;

/**
 * The complaint workflow in one place: RECEIVED → (ESCALATED, required for MAJOR) → ASSIGNED → RESOLVED →
 * FOLLOWED_UP → ARCHIVED. An assigned complaint may be reassigned to another department; an unsatisfied
 * follow-up sends a resolved complaint back to ASSIGNED. Nothing leaves ARCHIVED.
 */
public enum ComplaintStatus {
    RECEIVED, ESCALATED, ASSIGNED, RESOLVED, FOLLOWED_UP, ARCHIVED;

    public Set<ComplaintStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(ESCALATED, ASSIGNED);
            case ESCALATED -> EnumSet.of(ASSIGNED);
            case ASSIGNED -> EnumSet.of(ASSIGNED, RESOLVED);
            case RESOLVED -> EnumSet.of(FOLLOWED_UP, ASSIGNED);
            case FOLLOWED_UP -> EnumSet.of(ARCHIVED);
            case ARCHIVED -> EnumSet.noneOf(ComplaintStatus.class);
        };
    }

    public boolean canMoveTo(ComplaintStatus target) {
        return next().contains(target);
    }

    /** Refuses a step the workflow does not allow from here; an archived complaint allows none (C8). */
    void requireMove(String number, ComplaintStatus target, String verb) {
        requireNotArchived(number);
        if (!canMoveTo(target)) {
            throw new RuleViolation("complaint-workflow", "complaint " + number + " is " + this
                    + " and cannot be " + verb + " now; from " + this + " it can go to " + next());
        }
    }

    /** An archived complaint's handling form is filed: nothing changes it any more (C8). */
    void requireNotArchived(String number) {
        if (this == ARCHIVED) {
            throw new RuleViolation("complaint-archived",
                    "complaint " + number + " is archived: its handling form is filed and it cannot change (C8)");
        }
    }
}
