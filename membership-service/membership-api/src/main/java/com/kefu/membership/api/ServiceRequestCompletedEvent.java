package com.kefu.membership.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** The service was done (M5): the return taken back, the invoice issued, the stored bag collected. */
@PublishedEvent(type = "ServiceRequestCompleted", version = 1)
public record ServiceRequestCompletedEvent(String requestId, String number, String memberId, String note,
                                           String completedBy, Instant completedAt) {
}
