package com.kefu.dutylog.event;

import java.time.Instant;

/**
 * The incoming person accepted the handover proposed to them under their own sign-in, their signature beside the
 * outgoing person's (篇4 C, D15); {@code ShiftHandedOver} follows and the next shift opens for them. {@code late}
 * when it happened past the post's shift time {@code due} (篇4 A, D), with the incoming person's {@code lateReason}
 * if they gave one (the outgoing person's is in the proposal).
 */
public record HandoverAcceptedEvent(String shiftId, String acceptedBy, Instant due, boolean late, String lateReason,
                                    Instant acceptedAt) {
}
