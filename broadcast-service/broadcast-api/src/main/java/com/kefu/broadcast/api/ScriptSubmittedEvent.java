package com.kefu.broadcast.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** A version of a script was handed to the supervisor for approval (B3). */
@PublishedEvent(type = "ScriptSubmitted", version = 1)
public record ScriptSubmittedEvent(String scriptId, int version, String submittedBy, Instant submittedAt) {
}
