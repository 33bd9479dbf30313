package com.kefu.complaint.api;

import com.kefu.platform.contracts.DataSubject;
import com.kefu.platform.contracts.PersonalData;
import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

import static com.kefu.platform.contracts.PersonalData.Kind.PHONE;

/**
 * A question was registered (C12): the lighter kind of case, received → answered → archived. {@code customerPhone},
 * when the enquirer left one, is kept by complaint-service to itself as {@link ComplaintReceivedEvent}'s is.
 */
@PublishedEvent(type = "EnquiryReceived", version = 1)
public record EnquiryReceivedEvent(@DataSubject String enquiryId, String number, Channel channel, EnquiryStage stage,
                                   CustomerReference customer, String question, String receivedBy,
                                   Instant receivedAt,
                                   @PersonalData(value = PHONE, published = false) String customerPhone) {

    /** The event as the topic carries it: without the contact complaint-service keeps to itself. */
    public EnquiryReceivedEvent(String enquiryId, String number, Channel channel, EnquiryStage stage,
                                CustomerReference customer, String question, String receivedBy, Instant receivedAt) {
        this(enquiryId, number, channel, stage, customer, question, receivedBy, receivedAt, null);
    }
}
