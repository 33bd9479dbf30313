package com.kefu.dutylog.event;

import java.time.Instant;

/** The item was handed back to its owner after their identity was checked (D9); {@code returnedBy} handed it. */
public record LostItemReturnedEvent(String itemId, String claimant, String identityDocument, String returnedBy,
                                    Instant returnedAt) {
}
