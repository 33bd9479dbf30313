package com.kefu.dutylog.event;

import java.time.Instant;

/**
 * The person the handover was proposed to refused it, saying why (D15, 篇4 I); the shift stays open with the
 * outgoing person (D8), who may propose it again.
 */
public record HandoverDeclinedEvent(String shiftId, String declinedBy, String reason, Instant declinedAt) {
}
