package com.kefu.broadcast.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A script as the read model holds it: its latest version ({@code version}, {@code status} and texts) and the
 * version that may air ({@code airableVersion}, approved, valid from {@code validFrom} to {@code validUntil}),
 * which stays the one approved while a later edit waits for approval. {@code draftedAt}: when the latest version
 * was written.
 */
public record ScriptView(
        String id,
        int version,
        String status,
        String title,
        String programme,
        String textZh,
        String textRu,
        String author,
        Instant draftedAt,
        Integer airableVersion,
        LocalDate validFrom,
        LocalDate validUntil,
        Instant updatedAt) {

    /** Why the script cannot air on {@code day}, or null when it can (B4); the plan's flags use the same words. */
    public String whyNotAirable(LocalDate day) {
        if ("WITHDRAWN".equals(status)) {
            return "SCRIPT_WITHDRAWN";
        }
        if (airableVersion == null) {
            return "SCRIPT_NOT_APPROVED";
        }
        if (validFrom != null && day.isBefore(validFrom)) {
            return "SCRIPT_NOT_YET_VALID";
        }
        if (validUntil != null && day.isAfter(validUntil)) {
            return "SCRIPT_EXPIRED";
        }
        return null;
    }
}
