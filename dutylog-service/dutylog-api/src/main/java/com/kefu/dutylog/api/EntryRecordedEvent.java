package com.kefu.dutylog.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/**
 * An entry was written into a shift's log (D2): when it happened, what happened, how it was handled and the
 * outcome. {@code reference} names what it came from, e.g. the complaint number of a complaint call (D11).
 */
@PublishedEvent(type = "EntryRecorded", version = 1)
public record EntryRecordedEvent(
        String shiftId,
        String entryId,
        Instant occurredAt,
        EntryCategory category,
        String description,
        String handling,
        String outcome,
        String reference,
        String recordedBy,
        Instant recordedAt) {
}
