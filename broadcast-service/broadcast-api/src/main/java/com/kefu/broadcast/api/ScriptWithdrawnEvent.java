package com.kefu.broadcast.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** The script was taken off the air for good, every version of it (B4): nothing of it airs again. */
@PublishedEvent(type = "ScriptWithdrawn", version = 1)
public record ScriptWithdrawnEvent(String scriptId, int version, String reason, String withdrawnBy,
                                   Instant withdrawnAt) {
}
