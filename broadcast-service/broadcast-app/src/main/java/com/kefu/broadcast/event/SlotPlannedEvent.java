package com.kefu.broadcast.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A slot was put into a day's broadcast plan (B1): at {@code time}, this programme, this script. */
public record SlotPlannedEvent(String planId, LocalDate date, String slotId, LocalTime time, String programme,
                               String scriptId, String equipmentId, String plannedBy, Instant plannedAt) {
}
