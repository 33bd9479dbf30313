package com.kefu.broadcast.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** A supervisor rejected this {@code version} of the script, saying why (B3). */
@PublishedEvent(type = "ScriptRejected", version = 1)
public record ScriptRejectedEvent(String scriptId, int version, String reason, String rejectedBy,
                                  Instant rejectedAt) {
}
