package com.kefu.complaint.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** The head of customer service gave the final ruling on a dispute (C9, 裁定). */
@PublishedEvent(type = "ComplaintRulingRecorded", version = 1)
public record ComplaintRulingRecordedEvent(String complaintId, String number, Dispute dispute, String ruling,
                                           String ruledBy, Instant ruledAt) {
}
