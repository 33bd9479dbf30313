package com.kefu.complaint.command;

import com.kefu.complaint.api.Priority;
import com.kefu.complaint.command.WorkflowCommands.FollowUpComplaintCommand;
import com.kefu.platform.rules.RuleViolation;

import java.util.Objects;

/**
 * The follow-up call (回访) that closes a complaint (C4, C7, C8): a customer reached and satisfied lets it be
 * archived; one reached and not satisfied sends it back to its department; a call that reaches nobody is an attempt,
 * and the complaint waits for the next.
 */
final class FollowUp {

    private FollowUp() {
    }

    /** What the customer said, if they said it; otherwise a satisfaction of 1–2 counts as unsatisfied (C7). */
    static boolean satisfied(FollowUpComplaintCommand call) {
        return call.reached() && (call.customerSatisfied() != null
                ? call.customerSatisfied() : call.satisfaction() != null && call.satisfaction() >= 3);
    }

    /** Why an unsatisfied customer's complaint goes back to its department (C7). */
    static String reopening(FollowUpComplaintCommand call) {
        return "the customer is not satisfied: " + Objects.requireNonNullElse(call.comment(), "");
    }

    /** Archived only once a follow-up call reached a satisfied customer (C4 for a VIP, C7, C8). */
    static void requireArchivable(String number, ComplaintStatus status, Priority priority) {
        if (status != ComplaintStatus.FOLLOWED_UP) {
            status.requireNotArchived(number);
            boolean vip = priority == Priority.URGENT;
            throw new RuleViolation(vip ? "vip-complaint-not-satisfied" : "complaint-not-followed-up", "complaint "
                    + number + " is " + status + ": " + (vip
                    ? "a VIP complaint is archived only once a follow-up call found the customer satisfied (C4)"
                    : "a complaint is archived only after a follow-up call reached a satisfied customer (C7, C8)"));
        }
    }
}
