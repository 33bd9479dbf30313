package com.kefu.dutylog.query;

import java.time.Instant;
import java.util.List;

/**
 * A found item and its chain of custody (D9), read from its events: found, handed to the supervisor, stored,
 * then handed back to its owner or disposed of. {@code custody}: STORED, RETURNED or DISPOSED. {@code keptUntil}:
 * the end of its retention period (found + {@code kefu.dutylog.lost-item-retention}), after which an unclaimed item
 * is disposed of.
 */
public record LostItemView(String id, String description, String custody, Instant keptUntil,
                           List<Step> chainOfCustody) {

    /**
     * One hand the item passed through: {@code step} FOUND, HANDED_TO_SUPERVISOR, STORED, RETURNED or DISPOSED;
     * {@code by} who acted, {@code to} who received it, {@code where} the place.
     */
    public record Step(String step, Instant at, String by, String to, String where, String note) {
    }
}
