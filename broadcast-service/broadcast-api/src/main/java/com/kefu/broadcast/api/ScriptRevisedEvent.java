package com.kefu.broadcast.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/**
 * A broadcaster edited a script: its texts became a new {@code version}, a draft that needs approval again (B3),
 * whatever the previous version's state. Schema: {@code schemas/broadcast.events/ScriptRevised.v1.json}.
 */
@PublishedEvent(type = "ScriptRevised", version = 1)
public record ScriptRevisedEvent(
        String scriptId,
        int version,
        String title,
        String programme,
        String textZh,
        String textRu,
        String author,
        Instant revisedAt) {
}
