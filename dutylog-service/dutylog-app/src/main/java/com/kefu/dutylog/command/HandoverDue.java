package com.kefu.dutylog.command;

import com.kefu.platform.rules.RuleViolation;

import java.time.Instant;

/**
 * When a shift is to be handed over by its post's shift times (正点交接, 篇4 A, D): {@code due}, and {@code lateAfter}
 * (due and the grace the desk allows) past which the handover is late. {@link #NONE} for a post without shift times,
 * whose handovers are never late.
 */
public record HandoverDue(Instant due, Instant lateAfter) {

    public static final HandoverDue NONE = new HandoverDue(null, null);

    boolean late(Instant at) {
        return lateAfter != null && at.isAfter(lateAfter);
    }

    /** A late handover is recorded with its reason: without one it is refused, naming the time it was due. */
    void requireReason(String shiftId, Instant at, String... reasons) {
        if (!late(at)) {
            return;
        }
        for (String reason : reasons) {
            if (reason != null && !reason.isBlank()) {
                return;
            }
        }
        throw new RuleViolation("handover-late", "the handover of shift " + shiftId + " was due at " + due
                + " by the post's shift times: a late handover is recorded with its reason; give it as lateReason "
                + "(篇4 A, D15)");
    }
}
