package com.kefu.dutylog.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A shift's page of the duty log with its entries, oldest first. */
public record ShiftView(String id, String post, LocalDate date, String openedBy, Instant openedAt, boolean open,
                        List<Entry> entries) {

    public record Entry(String id, Instant occurredAt, String category, String description, String handling,
                        String outcome, String reference, String recordedBy, Instant recordedAt) {
    }
}
