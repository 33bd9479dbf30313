package com.kefu.dutylog.event;

import java.time.Instant;

/** The visitor left and gave their badge back (D18); {@code signedOutBy} took it. */
public record VisitorLeftEvent(String visitId, String badge, String signedOutBy, Instant leftAt) {
}
