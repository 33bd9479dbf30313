package com.kefu.dutylog.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** An on-site photo was attached to an incident's form (D4); {@code sha256} is the hash of its bytes. */
@PublishedEvent(type = "IncidentPhotoAttached", version = 1)
public record IncidentPhotoAttachedEvent(String incidentId, String photoId, String contentType, long size,
                                         String sha256, String attachedBy, Instant attachedAt) {
}
