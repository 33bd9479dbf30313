package com.kefu.broadcast.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;
import java.util.List;

/**
 * A pre-approved emergency template (fire evacuation, lost child) went on the air at once, in both languages one
 * after the other (B7). {@code incidentId} names the duty log's incident that caused it, if one did; {@code cause}
 * says what happened, e.g. where the fire is.
 */
@PublishedEvent(type = "EmergencyAired", version = 1)
public record EmergencyAiredEvent(
        String emergencyId,
        String template,
        String title,
        String textZh,
        String textRu,
        List<Language> languages,
        String incidentId,
        String cause,
        String airedBy,
        Instant airedAt) {
}
