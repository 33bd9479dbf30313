package com.kefu.dutylog.query;

import java.time.Instant;

/**
 * A found item as the list of lost and found shows it (D9): what, found when, where and by whom, handed to which
 * supervisor, stored where, and its custody (STORED, RETURNED or DISPOSED) since {@code closedAt}. Nothing of the
 * claimant: who took an item back shows only in the item's own chain of custody ({@link LostItemView}).
 * {@code keptUntil}: the end of its retention period, after which an unclaimed item is disposed of.
 */
public record LostItemSummary(String id, String description, String custody, Instant foundAt, String foundBy,
                              String foundWhere, String handedTo, String storedAt, Instant registeredAt,
                              Instant closedAt, Instant keptUntil) {
}
