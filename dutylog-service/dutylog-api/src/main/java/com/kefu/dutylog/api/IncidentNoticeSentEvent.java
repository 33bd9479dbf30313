package com.kefu.dutylog.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;
import java.util.List;

/**
 * An incident of a {@link IncidentKind} was reported (篇2 B3, D14): the {@code roles} (the CS manager and
 * the CS head) are to be told at once. The gateway's notice stream delivers it to them; each role is told once a
 * person of that role acknowledges it ({@link IncidentNoticeAcknowledgedEvent}). Published beside
 * {@code IncidentReported} (version 1, unchanged), which carries the incident's category.
 */
@PublishedEvent(type = "IncidentNoticeSent", version = 1)
public record IncidentNoticeSentEvent(
        String incidentId,
        IncidentKind kind,
        EntryCategory category,
        String location,
        String description,
        String reporter,
        Instant occurredAt,
        List<String> roles,
        String sentBy,
        Instant sentAt) {
}
