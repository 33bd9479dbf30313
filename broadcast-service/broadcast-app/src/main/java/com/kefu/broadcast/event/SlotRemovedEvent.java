package com.kefu.broadcast.event;

import java.time.Instant;
import java.time.LocalDate;

/** A slot was taken out of a day's plan (B1). */
public record SlotRemovedEvent(String planId, LocalDate date, String slotId, String removedBy, Instant removedAt) {
}
