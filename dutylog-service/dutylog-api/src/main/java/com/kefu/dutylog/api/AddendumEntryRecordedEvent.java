package com.kefu.dutylog.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Something of a day already signed was written after the manager's signature (D12): it enters addendum
 * {@code addendum} of that day (1 for what follows the day's signature, n + 1 for what follows the signature of
 * addendum n), never the signed pages, so the signature's digest still verifies. {@code occurredAt} is when it
 * happened (on {@code date}), {@code recordedAt} when it was written. {@code shiftId} names the page it was written
 * from (null: no shift was open); {@code corrects} the entry it corrects (D3), if it is a correction;
 * {@code reference} what it came from (e.g. {@code incident:<id>}).
 */
@PublishedEvent(type = "AddendumEntryRecorded", version = 1)
public record AddendumEntryRecordedEvent(
        LocalDate date,
        int addendum,
        String entryId,
        String shiftId,
        Instant occurredAt,
        EntryCategory category,
        String description,
        String handling,
        String outcome,
        String reference,
        String corrects,
        String recordedBy,
        Instant recordedAt) {
}
