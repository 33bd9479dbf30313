package com.kefu.dutylog.event;

import java.time.Instant;

/** A visitor's badge went out with a visit (D18); {@code badgeId} is the badge's record, {@code badge} its number. */
public record BadgeIssuedEvent(String badgeId, String badge, String visitId, Instant issuedAt) {
}
