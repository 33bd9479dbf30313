package com.kefu.dutylog.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The customer-service manager signed the day's duty log (D5): the day is sealed. {@code digest} is the SHA-256
 * of the day's entries in the order they were recorded ({@code entries} of them), so that a later change of
 * history shows.
 */
@PublishedEvent(type = "DutyDaySigned", version = 1)
public record DutyDaySignedEvent(LocalDate date, String digest, int entries, String signedBy, Instant signedAt) {
}
