package com.kefu.dutylog.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;
import java.time.LocalDate;

/** A shift began a new page of the duty log (D1). */
@PublishedEvent(type = "ShiftOpened", version = 1)
public record ShiftOpenedEvent(String shiftId, String post, LocalDate date, String openedBy, Instant openedAt) {
}
