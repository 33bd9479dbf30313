package com.kefu.dutylog.event;

import java.time.Instant;

/**
 * A found item was handed to the supervisor, registered and stored (D9, 篇2 S): who found what, when and where,
 * to whom it was handed and where it is kept.
 */
public record LostItemRegisteredEvent(String itemId, String description, String foundBy, Instant foundAt,
                                      String foundWhere, String handedTo, String storedAt, String registeredBy,
                                      Instant registeredAt) {
}
