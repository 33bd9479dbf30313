package com.kefu.dutylog.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/**
 * A person of {@code role} (CS_MANAGER or CS_HEAD) acknowledged an incident's notice (D14): that role has been told,
 * by whom and when.
 */
@PublishedEvent(type = "IncidentNoticeAcknowledged", version = 1)
public record IncidentNoticeAcknowledgedEvent(String incidentId, String role, String acknowledgedBy,
                                              Instant acknowledgedAt) {
}
