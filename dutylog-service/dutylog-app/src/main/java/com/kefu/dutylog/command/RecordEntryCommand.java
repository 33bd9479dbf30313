package com.kefu.dutylog.command;

import com.kefu.dutylog.api.EntryCategory;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

record RecordEntryCommand(@TargetAggregateIdentifier String shiftId, String entryId, Instant occurredAt,
                          EntryCategory category, String description, String handling, String outcome,
                          String reference, String recordedBy, Instant recordedAt) {
}
