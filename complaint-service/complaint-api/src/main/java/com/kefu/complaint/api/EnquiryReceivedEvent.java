package com.kefu.complaint.api;

import com.kefu.platform.contracts.PublishedEvent;
import com.kefu.platform.contracts.DataSubject;

import java.time.Instant;

/** A question was registered (C12): the lighter kind of case, received → answered → archived. */
@PublishedEvent(type = "EnquiryReceived", version = 1)
public record EnquiryReceivedEvent(@DataSubject String enquiryId, String number, Channel channel, EnquiryStage stage,
                                   CustomerReference customer, String question, String receivedBy,
                                   Instant receivedAt) {
}
