package com.kefu.dutylog.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/**
 * A fire's form follows 篇2 T1 (D13): beside who reports it and where they are (the incident's {@code reporter} and
 * {@code location}), where they are heading ({@code heading}, 去向; null if not told); every {@link FireStep} is open.
 */
@PublishedEvent(type = "FireChecklistOpened", version = 1)
public record FireChecklistOpenedEvent(String incidentId, String heading, Instant openedAt) {
}
