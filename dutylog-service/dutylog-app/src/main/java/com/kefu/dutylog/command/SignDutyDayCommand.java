package com.kefu.dutylog.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/** The manager signs a day's duty log (D5) with the digest of its entries. */
record SignDutyDayCommand(@TargetAggregateIdentifier String dutyDayId, LocalDate date, String digest,
                          int entries, String signedBy, Instant signedAt) {

    public SignDutyDayCommand(LocalDate date, String digest, int entries, String signedBy, Instant signedAt) {
        this(DutyDay.idOf(date), date, digest, entries, signedBy, signedAt);
    }
}
