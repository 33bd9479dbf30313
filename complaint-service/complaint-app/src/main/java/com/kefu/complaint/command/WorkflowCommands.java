package com.kefu.complaint.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The commands that move a registered complaint through its workflow (C3, C5–C8). */
final class WorkflowCommands {

    private WorkflowCommands() {
    }

    record EscalateComplaintCommand(@TargetAggregateIdentifier String complaintId, String reason,
                                    String actor, Instant at) {
    }

    /** {@code byHead}: the assigner is CS_HEAD, who alone handles MAJOR complaints (C3). */
    record AssignComplaintCommand(@TargetAggregateIdentifier String complaintId, String department,
                                  String instructions, boolean byHead, String actor, Instant at) {
    }

    /** {@code actingDepartment}: the department of the user who acknowledges (C5). */
    record AcknowledgeComplaintCommand(@TargetAggregateIdentifier String complaintId, String actingDepartment,
                                       String note, String actor, Instant at) {
    }

    record RecordProgressCommand(@TargetAggregateIdentifier String complaintId, String actingDepartment,
                                 String note, String actor, Instant at) {
    }

    record ResolveComplaintCommand(@TargetAggregateIdentifier String complaintId, String actingDepartment,
                                   String result, String actor, Instant at) {
    }

    /**
     * {@code customerSatisfied}: what the customer said, if they said it; otherwise a satisfaction of 1–2 counts
     * as unsatisfied (C7).
     */
    record FollowUpComplaintCommand(@TargetAggregateIdentifier String complaintId, boolean reached,
                                    Integer satisfaction, String comment, Boolean customerSatisfied,
                                    String actor, Instant at) {
    }

    /**
     * Sent by the deadline watch: the stage entered at {@code enteredAt} was due at {@code dueAt} (C10). The
     * complaint records it only if it is still in that very stage and has not recorded it yet.
     */
    record RecordDeadlineMissedCommand(@TargetAggregateIdentifier String complaintId, String stage,
                                       Instant enteredAt, Instant dueAt, Instant at) {
    }

    /**
     * Sent by the deadline watch: four fifths of the stage entered at {@code enteredAt}, due at {@code dueAt}, have
     * gone (C17). The complaint warns once per entry into a stage, only while it is still in that very stage, its
     * deadline neither missed nor passed, and only from four fifths of the stage's time on by {@code at}.
     */
    record RecordDeadlineApproachingCommand(@TargetAggregateIdentifier String complaintId, String stage,
                                            Instant enteredAt, Instant dueAt, Instant at) {
    }

    record RecordRulingCommand(@TargetAggregateIdentifier String complaintId, String ruling, String actor,
                               Instant at) {
    }

    /** {@code bySupervisor}: the caller is the SUPERVISOR, who alone takes up escalations (C14). */
    record AcknowledgeEscalationCommand(@TargetAggregateIdentifier String complaintId, boolean bySupervisor,
                                        String actor, Instant at) {
    }

    /** The supervisor's instructions (上级的指导) on an escalated complaint (C14); each call adds one. */
    record RecordSupervisorInstructionsCommand(@TargetAggregateIdentifier String complaintId,
                                               String instructions, boolean bySupervisor, String actor,
                                               Instant at) {
    }

    record ArchiveComplaintCommand(@TargetAggregateIdentifier String complaintId, String actor, Instant at) {
    }

    /** Erases the customer's personal data on request (S3); allowed in every state, archived included. */
    record ErasePersonalDataCommand(@TargetAggregateIdentifier String complaintId, String reason, String actor,
                                    Instant at) {
    }
}
