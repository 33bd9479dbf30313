package com.kefu.dutylog.event;

import java.time.Instant;

/** The badge came back to the desk with the visitor's departure (D18): it may go out again. */
public record BadgeReturnedEvent(String badgeId, String badge, String visitId, Instant returnedAt) {
}
