package com.kefu.complaint.query;

import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.Dispute;
import com.kefu.complaint.api.Merchant;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;

import java.time.Instant;

/** A complaint as the read model holds it; {@code supervisor} is null until it is escalated (C14). */
public record ComplaintView(
        String id,
        String number,
        String status,
        Channel channel,
        Category category,
        Severity severity,
        Priority priority,
        CustomerReference customer,
        Merchant merchant,
        String subject,
        String description,
        String department,
        String instructions,
        boolean acknowledged,
        String result,
        Integer satisfaction,
        int followUpCalls,
        Dispute dispute,
        String ruling,
        String receivedBy,
        Instant receivedAt,
        Supervision supervisor) {
}
