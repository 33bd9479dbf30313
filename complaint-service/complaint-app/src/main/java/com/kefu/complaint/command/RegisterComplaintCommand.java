package com.kefu.complaint.command;

import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.Dispute;
import com.kefu.complaint.api.Merchant;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Registers a complaint with the fields of the customer information registration form (C1). */
record RegisterComplaintCommand(
        @TargetAggregateIdentifier String complaintId,
        String number,
        Channel channel,
        Category category,
        Severity severity,
        Priority priority,
        String customerName,
        String customerPhone,
        String memberId,
        Merchant merchant,
        String subject,
        String description,
        String receivedBy,
        Instant receivedAt,
        Dispute dispute) {
}
