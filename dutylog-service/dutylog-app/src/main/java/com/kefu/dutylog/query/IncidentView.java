package com.kefu.dutylog.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** An emergency incident form (D4) with its photos; {@code resolved} once its outcome is recorded. */
public record IncidentView(String id, String shiftId, String category, boolean major, String reporter,
                           String location, String description, JsonNode fire, Instant occurredAt,
                           String reportedBy, Instant reportedAt, boolean resolved, String outcome,
                           String resolvedBy, Instant resolvedAt, List<Photo> photos) {

    /** {@code href}: where the photo's bytes are served. */
    public record Photo(String id, String contentType, long size, String sha256, String uploadedBy,
                        Instant uploadedAt, String href) {
    }
}
