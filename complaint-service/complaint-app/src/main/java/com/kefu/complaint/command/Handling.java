package com.kefu.complaint.command;

import com.kefu.complaint.api.Dispute;
import com.kefu.complaint.api.Severity;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.rules.RuleViolation;

import static com.kefu.complaint.command.ComplaintStatus.ASSIGNED;
import static com.kefu.complaint.command.ComplaintStatus.ESCALATED;
import static com.kefu.complaint.command.ComplaintStatus.RESOLVED;

/**
 * What a complaint's handling by a department allows at this moment (C3, C5, C6, C9, S4): who assigns it, which
 * department acts on it and when. Each check refuses with the rule it names; the workflow's own steps are
 * {@link ComplaintStatus}'s, the supervisor's {@link Escalation}'s, the closing ones {@link FollowUp}'s.
 */
record Handling(String complaintId, String number, ComplaintStatus status, Severity severity, String department,
                boolean acknowledged, Dispute dispute) {

    /** A resolved complaint goes back only through a follow-up (C7); a MAJOR one is escalated, then assigned by the head (C3). */
    void requireAssignable(boolean byHead) {
        if (status == RESOLVED) {
            throw new RuleViolation("complaint-workflow", "complaint " + number
                    + " is RESOLVED: it goes back to a department only when a follow-up finds the customer "
                    + "unsatisfied (C7)");
        }
        status.requireMove(number, ASSIGNED, "assigned");
        if (severity == Severity.MAJOR && status != ESCALATED) {
            throw new RuleViolation("major-complaint-not-escalated", "complaint " + number
                    + " is MAJOR: it must be escalated to the supervisor before it is assigned (C3)");
        }
        if (severity == Severity.MAJOR && !byHead) {
            throw new RuleViolation("major-complaint-needs-cs-head",
                    "complaint " + number + " is MAJOR: only the head of customer service assigns it (C3)");
        }
    }

    /** Departments act only on what is assigned to them; to others the complaint does not exist (S4). */
    void requireDepartment(String actingDepartment) {
        if (actingDepartment != null && !actingDepartment.equals(department)) {
            throw new NotFound("no complaint " + complaintId);
        }
    }

    void requireAcknowledgeable(String actingDepartment) {
        requireDepartment(actingDepartment);
        if (status != ASSIGNED || acknowledged) {
            throw new RuleViolation("complaint-workflow", "complaint " + number + " is " + status
                    + (acknowledged ? " and already acknowledged" : "") + ": there is nothing to acknowledge");
        }
    }

    /** Progress is noted while the department holds the complaint it acknowledged (C5). */
    void requireHeldBy(String actingDepartment) {
        requireDepartment(actingDepartment);
        status.requireNotArchived(number);
        if (status != ASSIGNED || !acknowledged) {
            throw new RuleViolation("complaint-not-acknowledged", "complaint " + number + " is " + status
                    + ": progress is recorded while the department holds an acknowledged complaint (C5)");
        }
    }

    /** A letter, fax, receipt or photo (C16): by a department only to what it holds (S4), never once archived (C8). */
    void requireAttachable(String actingDepartment) {
        requireDepartment(actingDepartment);
        status.requireNotArchived(number);
    }

    void requireResolvable(String actingDepartment) {
        requireDepartment(actingDepartment);
        status.requireMove(number, RESOLVED, "resolved");
        if (!acknowledged) {
            throw new RuleViolation("complaint-not-acknowledged",
                    "complaint " + number + " must be acknowledged by " + department + " before it is resolved (C5)");
        }
    }

    /** Only a complaint naming the parties to a dispute is ruled on (C9). */
    void requireDispute() {
        status.requireNotArchived(number);
        if (dispute == null) {
            throw new RuleViolation("not-a-dispute",
                    "complaint " + number + " names no parties to a dispute: there is nothing to rule on (C9)");
        }
    }
}
