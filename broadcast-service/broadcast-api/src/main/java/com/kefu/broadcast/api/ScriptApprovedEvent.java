package com.kefu.broadcast.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A supervisor, who wrote none of its versions, approved this {@code version} of the script (B3): it may air,
 * on the station's days from {@code validFrom} to {@code validUntil} (both included; either may be open).
 */
@PublishedEvent(type = "ScriptApproved", version = 1)
public record ScriptApprovedEvent(
        String scriptId,
        int version,
        LocalDate validFrom,
        LocalDate validUntil,
        String approvedBy,
        Instant approvedAt) {
}
