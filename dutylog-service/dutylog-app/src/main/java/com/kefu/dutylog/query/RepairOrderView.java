package com.kefu.dutylog.query;

import java.time.Instant;

/**
 * A repair order to engineering (D16): the facility and its fault as the round found them, the department it went
 * to, {@code status} OPEN, ACKNOWLEDGED or CLOSED, and who took each step when.
 */
public record RepairOrderView(String id, String roundId, String area, String item, String fault, String department,
                              String status, String openedBy, Instant openedAt, String acknowledgedBy,
                              Instant acknowledgedAt, String acknowledgeNote, String closedBy, Instant closedAt,
                              String result) {
}
