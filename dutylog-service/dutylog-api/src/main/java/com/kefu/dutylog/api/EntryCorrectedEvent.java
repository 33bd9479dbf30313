package com.kefu.dutylog.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/**
 * A correction was written into a shift's log (D3): a new entry that points to the one it corrects, which stays
 * as it was. It keeps the corrected entry's time and category, so it belongs to the same duty day.
 */
@PublishedEvent(type = "EntryCorrected", version = 1)
public record EntryCorrectedEvent(
        String shiftId,
        String entryId,
        String correctsEntryId,
        Instant occurredAt,
        EntryCategory category,
        String description,
        String handling,
        String outcome,
        String recordedBy,
        Instant recordedAt) {
}
