package com.kefu.complaint.command;

import com.kefu.complaint.api.Dispute;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import com.kefu.platform.rules.InvalidRequest;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.rules.RuleViolation;

import static com.kefu.complaint.command.ComplaintStatus.ARCHIVED;
import static com.kefu.complaint.command.ComplaintStatus.ASSIGNED;
import static com.kefu.complaint.command.ComplaintStatus.ESCALATED;
import static com.kefu.complaint.command.ComplaintStatus.FOLLOWED_UP;
import static com.kefu.complaint.command.ComplaintStatus.RESOLVED;

/**
 * What a complaint's handling allows at this moment (C3–C9, C14, S4): each check refuses with the rule it names, so
 * that every command handler of {@link Complaint} is a guard, then what happened.
 */
record Handling(String complaintId, String number, ComplaintStatus status, Severity severity, Priority priority,
                String department, boolean acknowledged, boolean escalated, boolean escalationAcknowledged,
                Dispute dispute) {

    /** The workflow allows the move ({@link ComplaintStatus}); an archived complaint allows nothing (C8). */
    void requireMove(ComplaintStatus target, String verb) {
        requireNotArchived();
        if (!status.canMoveTo(target)) {
            throw new RuleViolation("complaint-workflow", "complaint " + number + " is " + status
                    + " and cannot be " + verb + " now; from " + status + " it can go to " + status.next());
        }
    }

    void requireNotArchived() {
        if (status == ARCHIVED) {
            throw new RuleViolation("complaint-archived",
                    "complaint " + number + " is archived: its handling form is filed and it cannot change (C8)");
        }
    }

    /** Only the supervisor acts on an escalated complaint, and only on an escalated one (C14). */
    void requireEscalatedFor(boolean bySupervisor, String verb) {
        if (!bySupervisor) {
            throw new RuleViolation("escalation-needs-supervisor",
                    "complaint " + number + " is escalated to the supervisor: only the SUPERVISOR acts on it (C14)");
        }
        requireNotArchived();
        if (!escalated) {
            throw new RuleViolation("complaint-not-escalated", "complaint " + number
                    + " has not been escalated: only an escalated complaint is " + verb + " by the supervisor (C14)");
        }
    }

    /** The supervisor takes up an escalated complaint once (C14). */
    void requireEscalationOpen(boolean bySupervisor) {
        requireEscalatedFor(bySupervisor, "acknowledged");
        if (escalationAcknowledged) {
            throw new RuleViolation("escalation-acknowledged",
                    "complaint " + number + " has already been acknowledged by the supervisor (C14)");
        }
    }

    static void requireInstructions(String instructions) {
        if (instructions == null || instructions.isBlank()) {
            throw new InvalidRequest("instructions: the supervisor's instructions need a text (C14)");
        }
    }

    /** A resolved complaint goes back only through a follow-up (C7); a MAJOR one is escalated, then assigned by the head (C3). */
    void requireAssignable(boolean byHead) {
        if (status == RESOLVED) {
            throw new RuleViolation("complaint-workflow", "complaint " + number
                    + " is RESOLVED: it goes back to a department only when a follow-up finds the customer "
                    + "unsatisfied (C7)");
        }
        requireMove(ASSIGNED, "assigned");
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
        requireNotArchived();
        if (status != ASSIGNED || !acknowledged) {
            throw new RuleViolation("complaint-not-acknowledged", "complaint " + number + " is " + status
                    + ": progress is recorded while the department holds an acknowledged complaint (C5)");
        }
    }

    void requireResolvable(String actingDepartment) {
        requireDepartment(actingDepartment);
        requireMove(RESOLVED, "resolved");
        if (!acknowledged) {
            throw new RuleViolation("complaint-not-acknowledged",
                    "complaint " + number + " must be acknowledged by " + department + " before it is resolved (C5)");
        }
    }

    /** Only a complaint naming the parties to a dispute is ruled on (C9). */
    void requireDispute() {
        requireNotArchived();
        if (dispute == null) {
            throw new RuleViolation("not-a-dispute",
                    "complaint " + number + " names no parties to a dispute: there is nothing to rule on (C9)");
        }
    }

    /** Archived only once a follow-up call reached a satisfied customer (C4 for a VIP, C7, C8). */
    void requireArchivable() {
        if (status != FOLLOWED_UP) {
            requireNotArchived();
            boolean vip = priority == Priority.URGENT;
            throw new RuleViolation(vip ? "vip-complaint-not-satisfied" : "complaint-not-followed-up", "complaint "
                    + number + " is " + status + ": " + (vip
                    ? "a VIP complaint is archived only once a follow-up call found the customer satisfied (C4)"
                    : "a complaint is archived only after a follow-up call reached a satisfied customer (C7, C8)"));
        }
    }
}
