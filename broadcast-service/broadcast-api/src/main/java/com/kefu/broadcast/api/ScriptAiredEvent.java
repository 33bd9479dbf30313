package com.kefu.broadcast.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/**
 * A script went on the air (B4): which approved {@code version}, in which language, when and by whom.
 * {@code airingId} identifies the line in the day's programme log.
 */
@PublishedEvent(type = "ScriptAired", version = 1)
public record ScriptAiredEvent(
        String scriptId,
        String airingId,
        int version,
        Language language,
        String title,
        String programme,
        String airedBy,
        Instant airedAt) {
}
