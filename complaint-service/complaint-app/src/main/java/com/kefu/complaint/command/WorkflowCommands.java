package com.kefu.complaint.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The commands that move a registered complaint through its workflow (C3, C5–C8). */
public final class WorkflowCommands {

    private WorkflowCommands() {
    }

    public record EscalateComplaintCommand(@TargetAggregateIdentifier String complaintId, String reason,
                                           String actor, Instant at) {
    }

    /** {@code byHead}: the assigner is CS_HEAD, who alone handles MAJOR complaints (C3). */
    public record AssignComplaintCommand(@TargetAggregateIdentifier String complaintId, String department,
                                         String instructions, boolean byHead, String actor, Instant at) {
    }

    /** {@code actingDepartment}: the department of the user who acknowledges (C5). */
    public record AcknowledgeComplaintCommand(@TargetAggregateIdentifier String complaintId, String actingDepartment,
                                              String note, String actor, Instant at) {
    }

    public record RecordProgressCommand(@TargetAggregateIdentifier String complaintId, String actingDepartment,
                                        String note, String actor, Instant at) {
    }

    public record ResolveComplaintCommand(@TargetAggregateIdentifier String complaintId, String actingDepartment,
                                          String result, String actor, Instant at) {
    }

    /**
     * {@code customerSatisfied}: what the customer said, if they said it; otherwise a satisfaction of 1–2 counts
     * as unsatisfied (C7).
     */
    public record FollowUpComplaintCommand(@TargetAggregateIdentifier String complaintId, boolean reached,
                                           Integer satisfaction, String comment, Boolean customerSatisfied,
                                           String actor, Instant at) {
    }

    /**
     * Sent by the deadline watch: the stage entered at {@code enteredAt} was due at {@code dueAt} (C10). The
     * complaint records it only if it is still in that very stage and has not recorded it yet.
     */
    public record RecordDeadlineMissedCommand(@TargetAggregateIdentifier String complaintId, String stage,
                                              Instant enteredAt, Instant dueAt, Instant at) {
    }

    /**
     * Sent by the deadline watch: four fifths of the stage entered at {@code enteredAt}, due at {@code dueAt}, have
     * gone (C17). The complaint warns once per entry into a stage, only while it is still in that very stage, its
     * deadline neither missed nor passed, and only from four fifths of the stage's time on by {@code at}.
     */
    public record RecordDeadlineApproachingCommand(@TargetAggregateIdentifier String complaintId, String stage,
                                                   Instant enteredAt, Instant dueAt, Instant at) {
    }

    public record RecordRulingCommand(@TargetAggregateIdentifier String complaintId, String ruling, String actor,
                                      Instant at) {
    }

    /** {@code bySupervisor}: the caller is the SUPERVISOR, who alone takes up escalations (C14). */
    public record AcknowledgeEscalationCommand(@TargetAggregateIdentifier String complaintId, boolean bySupervisor,
                                               String actor, Instant at) {
    }

    /** The supervisor's instructions (上级的指导) on an escalated complaint (C14); each call adds one. */
    public record RecordSupervisorInstructionsCommand(@TargetAggregateIdentifier String complaintId,
                                                      String instructions, boolean bySupervisor, String actor,
                                                      Instant at) {
    }

    public record ArchiveComplaintCommand(@TargetAggregateIdentifier String complaintId, String actor, Instant at) {
    }

    /** Erases the customer's personal data on request (S3); allowed in every state, archived included. */
    public record ErasePersonalDataCommand(@TargetAggregateIdentifier String complaintId, String reason, String actor,
                                           Instant at) {
    }
}
