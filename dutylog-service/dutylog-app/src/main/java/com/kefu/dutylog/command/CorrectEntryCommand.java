package com.kefu.dutylog.command;

import com.kefu.dutylog.api.EntryCategory;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Corrects an entry by a new entry that points to it (D3); the corrected entry stays as it was. {@code occurredAt}
 * and {@code category} are the corrected entry's: a correction belongs to the same moment and duty day.
 */
record CorrectEntryCommand(@TargetAggregateIdentifier String shiftId, String entryId, String correctsEntryId,
                           Instant occurredAt, EntryCategory category, String description, String handling,
                           String outcome, String recordedBy, Instant recordedAt) {
}
