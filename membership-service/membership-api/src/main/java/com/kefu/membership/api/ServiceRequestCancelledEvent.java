package com.kefu.membership.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** The service request was withdrawn before it was done (M5). */
@PublishedEvent(type = "ServiceRequestCancelled", version = 1)
public record ServiceRequestCancelledEvent(String requestId, String number, String memberId, String reason,
                                           String cancelledBy, Instant cancelledAt) {
}
