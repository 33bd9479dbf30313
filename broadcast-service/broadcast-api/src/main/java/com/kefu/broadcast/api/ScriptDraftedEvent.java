package com.kefu.broadcast.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/**
 * A broadcaster wrote a script in both languages (B2); it waits as a draft for approval (B3).
 * {@code version} counts the script's texts, so an approval names exactly the text it approved.
 * Schema: {@code schemas/broadcast.events/ScriptDrafted.v1.json}.
 */
@PublishedEvent(type = "ScriptDrafted", version = 1)
public record ScriptDraftedEvent(
        String scriptId,
        int version,
        String title,
        String programme,
        String textZh,
        String textRu,
        String author,
        Instant draftedAt) {
}
