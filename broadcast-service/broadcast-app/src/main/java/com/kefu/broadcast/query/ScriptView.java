package com.kefu.broadcast.query;

import java.time.Instant;

/** A script as the read model holds it: its latest version. */
public record ScriptView(
        String id,
        int version,
        String status,
        String title,
        String programme,
        String textZh,
        String textRu,
        String author,
        Instant draftedAt) {
}
