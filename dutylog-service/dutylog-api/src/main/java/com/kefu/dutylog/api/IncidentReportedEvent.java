package com.kefu.dutylog.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/**
 * The emergency incident form (《紧急情况处理登记表》, D4) was opened. A fire (D10) is always {@code major} and carries
 * its {@link FireDetails}: broadcast-service airs the evacuation announcement for it (B7). {@code reporter} is who
 * reported it and {@code location} where they are.
 */
@PublishedEvent(type = "IncidentReported", version = 1)
public record IncidentReportedEvent(
        String incidentId,
        String shiftId,
        EntryCategory category,
        boolean major,
        String reporter,
        String location,
        String description,
        FireDetails fire,
        Instant occurredAt,
        String reportedBy,
        Instant reportedAt) {
}
