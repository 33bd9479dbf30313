package com.kefu.complaint.query;

import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.Dispute;
import com.kefu.complaint.api.Merchant;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;

import java.time.Instant;

/**
 * A complaint as the read model holds it; {@code supervisor} is null until it is escalated (C14); {@code dueAt} is
 * when its current stage is due (C10, C17), null once it is archived.
 */
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
        Supervision supervisor,
        Instant dueAt) {

    public ComplaintView withDueAt(Instant due) {
        return new ComplaintView(id, number, status, channel, category, severity, priority, customer, merchant, subject,
                description, department, instructions, acknowledged, result, satisfaction, followUpCalls, dispute, ruling,
                receivedBy, receivedAt, supervisor, due);
    }
}
