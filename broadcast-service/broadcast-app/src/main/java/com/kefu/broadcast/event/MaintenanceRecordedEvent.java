package com.kefu.broadcast.event;

import java.time.Instant;

/** Maintenance done on a piece of equipment (B6, 广播器材的维护). */
public record MaintenanceRecordedEvent(String equipmentId, String maintenanceId, String description,
                                       String performedBy, Instant performedAt, String recordedBy,
                                       Instant recordedAt) {
}
