package com.kefu.dutylog.command;

import com.kefu.platform.rules.RuleViolation;

import java.util.List;

/** The handover is refused (D7) for every one of {@link #reasons()}; answered 409 with all of them. */
public class HandoverRefused extends RuleViolation {

    public HandoverRefused(String shiftId, List<String> reasons) {
        super("handover-refused", "shift " + shiftId + " cannot be handed over: " + String.join("; ", reasons),
                reasons);
    }

    /** The reasons the major or emergency matters still open give (篇4 I 1). */
    static List<String> unresolved(List<String> emergencies) {
        return emergencies.stream().map(matter -> matter + " is not resolved yet (D7)").toList();
    }
}
