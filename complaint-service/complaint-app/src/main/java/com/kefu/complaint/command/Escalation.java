package com.kefu.complaint.command;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.platform.rules.RuleViolation;

/**
 * The supervisor's part in a complaint (C14): escalated to the supervisor, who takes it up from the inbox once and
 * gives instructions (上级的指导) on it, each one kept. Only the SUPERVISOR acts on an escalation, and only on an
 * escalated complaint that is not archived; each check refuses with the rule it names.
 */
enum Escalation {
    /** Never escalated. */
    NONE,
    /** In the supervisor's inbox, not yet taken up. */
    OPEN,
    /** Taken up by the supervisor. */
    ACKNOWLEDGED;

    /** What an escalation makes of this one: taken up stays taken up. */
    Escalation escalated() {
        return this == NONE ? OPEN : this;
    }

    /** Only the supervisor acts on an escalated complaint, and only on an escalated one (C14). */
    void requireSupervisor(String number, ComplaintStatus status, boolean bySupervisor, String verb) {
        if (!bySupervisor) {
            throw new RuleViolation("escalation-needs-supervisor",
                    "complaint " + number + " is escalated to the supervisor: only the SUPERVISOR acts on it (C14)");
        }
        status.requireNotArchived(number);
        if (this == NONE) {
            throw new RuleViolation("complaint-not-escalated", "complaint " + number
                    + " has not been escalated: only an escalated complaint is " + verb + " by the supervisor (C14)");
        }
    }

    /** The supervisor takes up an escalated complaint once (C14). */
    void requireOpen(String number, ComplaintStatus status, boolean bySupervisor) {
        requireSupervisor(number, status, bySupervisor, "acknowledged");
        if (this == ACKNOWLEDGED) {
            throw new RuleViolation("escalation-acknowledged",
                    "complaint " + number + " has already been acknowledged by the supervisor (C14)");
        }
    }

    static void requireInstructions(String instructions) {
        if (instructions == null || instructions.isBlank()) {
            throw new InvalidRequest("instructions: the supervisor's instructions need a text (C14)");
        }
    }
}
