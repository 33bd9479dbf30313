package com.kefu.broadcast.query;

import java.time.Instant;
import java.time.LocalDate;

/** One version of a script and what became of it (B2, B3). */
public record ScriptVersionView(
        int version,
        String status,
        String title,
        String programme,
        String textZh,
        String textRu,
        String author,
        Instant writtenAt,
        String decidedBy,
        Instant decidedAt,
        String reason,
        LocalDate validFrom,
        LocalDate validUntil) {
}
