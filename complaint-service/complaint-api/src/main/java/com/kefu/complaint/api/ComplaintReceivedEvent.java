package com.kefu.complaint.api;

import com.kefu.platform.contracts.PublishedEvent;
import com.kefu.platform.contracts.DataSubject;

import java.time.Instant;

/**
 * A complaint was registered (C1, C2): the customer information registration form (《客户信息登记表》).
 * {@code dispute} names the parties when the complaint is a dispute (C9), else it is null.
 * Schema: {@code schemas/complaint.events/ComplaintReceived.v1.json}.
 */
@PublishedEvent(type = "ComplaintReceived", version = 1)
public record ComplaintReceivedEvent(
        @DataSubject String complaintId,
        String number,
        Channel channel,
        Category category,
        Severity severity,
        Priority priority,
        CustomerReference customer,
        Merchant merchant,
        String subject,
        String description,
        String receivedBy,
        Instant receivedAt,
        Dispute dispute) {
}
