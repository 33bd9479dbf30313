package com.kefu.dutylog.command;

import com.kefu.dutylog.api.EntryCategory;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What is written into a signed day and signed after it (D12); the day's first signature is
 * {@link SignDutyDayCommand}.
 */
final class DutyDayCommands {

    private DutyDayCommands() {
    }

    /** An entry (or a correction, {@code corrects}) of a signed day, written after its signature: its addendum. */
    record RecordAddendumEntryCommand(@TargetAggregateIdentifier String dutyDayId, LocalDate date,
                                      String entryId, String shiftId, Instant occurredAt,
                                      EntryCategory category, String description, String handling,
                                      String outcome, String reference, String corrects, String recordedBy,
                                      Instant recordedAt) {

        public RecordAddendumEntryCommand(LocalDate date, String entryId, String shiftId, Instant occurredAt,
                                          EntryCategory category, String description, String handling,
                                          String outcome, String reference, String corrects, String recordedBy,
                                          Instant recordedAt) {
            this(DutyDay.idOf(date), date, entryId, shiftId, occurredAt, category, description, handling, outcome,
                    reference, corrects, recordedBy, recordedAt);
        }
    }

    /**
     * The manager signs the open addendum of a signed day: {@code entries} entries chained to
     * {@code previousDigest}, as the desk read them under the day's lock.
     */
    record SignAddendumCommand(@TargetAggregateIdentifier String dutyDayId, LocalDate date, int addendum,
                               String digest, String previousDigest, int entries, String signedBy,
                               Instant signedAt) {

        public SignAddendumCommand(LocalDate date, int addendum, String digest, String previousDigest, int entries,
                                   String signedBy, Instant signedAt) {
            this(DutyDay.idOf(date), date, addendum, digest, previousDigest, entries, signedBy, signedAt);
        }
    }
}
