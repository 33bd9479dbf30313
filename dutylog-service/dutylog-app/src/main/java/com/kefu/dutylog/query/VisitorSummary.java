package com.kefu.dutylog.query;

import java.time.Instant;

/** A visitor still in the building (D18), the name masked as for roles that need no more to recognise them (S1). */
public record VisitorSummary(String id, String maskedName, String visiting, String badge, Instant arrivedAt,
                             String signedInBy) {
}
