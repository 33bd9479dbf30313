package com.kefu.dutylog.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** The incident is over (D4): its outcome (善后处理). A handover is no longer held up by it (D7). */
@PublishedEvent(type = "IncidentResolved", version = 1)
public record IncidentResolvedEvent(String incidentId, String outcome, String resolvedBy, Instant resolvedAt) {
}
