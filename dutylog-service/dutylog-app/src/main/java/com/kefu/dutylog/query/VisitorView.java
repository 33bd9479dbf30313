package com.kefu.dutylog.query;

import java.time.Instant;

/**
 * A visit (D18): who came ({@code name}, in clear only here, read from the visit's events; {@code [erased]} once
 * erased), to see whom, the badge, when they came and left and who signed them in and out. {@code inBuilding}: not
 * yet left.
 */
public record VisitorView(String id, String name, String visiting, String badge, Instant arrivedAt,
                          String signedInBy, Instant leftAt, String signedOutBy, boolean badgeReturned,
                          boolean inBuilding) {
}
