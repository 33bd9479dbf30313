package com.kefu.broadcast.event;

import java.time.Instant;

/** The fault was repaired (B6). */
public record FaultClearedEvent(String equipmentId, String faultId, String repair, String clearedBy,
                                Instant clearedAt) {
}
