package com.kefu.broadcast.event;

import java.time.Instant;

/** A piece of equipment is faulty (B6): the plan's slots that use it are flagged until it is cleared. */
public record FaultReportedEvent(String equipmentId, String faultId, String description, String reportedBy,
                                 Instant reportedAt) {
}
