package com.kefu.dutylog.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Corrects an entry by a new entry that points to it (D3); the corrected entry stays as it was. */
public record CorrectEntryCommand(@TargetAggregateIdentifier String shiftId, String entryId, String correctsEntryId,
                                  String description, String handling, String outcome, String recordedBy,
                                  Instant recordedAt) {
}
