package com.kefu.complaint.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Files attached to a complaint or an enquiry (C16): what the record keeps of them, never their bytes. */
final class AttachmentCommands {

    private AttachmentCommands() {
    }

    /** {@code actingDepartment}: the department of a DEPARTMENT user, who attaches only to what it holds (S4). */
    record AddComplaintAttachmentCommand(@TargetAggregateIdentifier String complaintId,
                                         String actingDepartment, String attachmentId, String contentType,
                                         long size, String sha256, String actor, Instant at) {
    }

    record AddEnquiryAttachmentCommand(@TargetAggregateIdentifier String enquiryId, String attachmentId,
                                       String contentType, long size, String sha256, String actor,
                                       Instant at) {
    }
}
