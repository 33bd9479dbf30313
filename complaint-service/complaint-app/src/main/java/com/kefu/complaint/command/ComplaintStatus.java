package com.kefu.complaint.command;

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
}
