package com.kefu.complaint.api;

import com.kefu.platform.contracts.DataSubject;
import com.kefu.platform.contracts.PersonalData;
import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

import static com.kefu.platform.contracts.PersonalData.Kind.PHONE;

/**
 * A complaint was registered (C1, C2): the customer information registration form (《客户信息登记表》).
 * {@code dispute} names the parties when the complaint is a dispute (C9), else it is null. {@code customerPhone} is the
 * customer's contact in clear, which complaint-service keeps to itself (S1): encrypted in its event store and erasable
 * (S3), masked in a history, and never on the topic, not even masked (the topic has {@code customer.maskedPhone});
 * read from the topic it is null. Complaints registered before it was kept here have it in a
 * {@code CustomerContactRecordedEvent} of their own.
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
        Dispute dispute,
        @PersonalData(value = PHONE, published = false) String customerPhone) {

    /** The event as the topic carries it: without the contact complaint-service keeps to itself. */
    public ComplaintReceivedEvent(String complaintId, String number, Channel channel, Category category,
                                  Severity severity, Priority priority, CustomerReference customer, Merchant merchant,
                                  String subject, String description, String receivedBy, Instant receivedAt,
                                  Dispute dispute) {
        this(complaintId, number, channel, category, severity, priority, customer, merchant, subject, description,
                receivedBy, receivedAt, dispute, null);
    }
}
