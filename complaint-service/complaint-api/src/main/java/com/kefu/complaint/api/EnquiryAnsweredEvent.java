package com.kefu.complaint.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** The question was answered (C12). */
@PublishedEvent(type = "EnquiryAnswered", version = 1)
public record EnquiryAnsweredEvent(String enquiryId, String answer, String answeredBy, Instant answeredAt) {
}
