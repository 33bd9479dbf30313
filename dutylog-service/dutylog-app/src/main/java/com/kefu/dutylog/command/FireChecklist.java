package com.kefu.dutylog.command;

import com.kefu.dutylog.api.FireStep;
import com.kefu.platform.rules.RuleViolation;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of a fire still to be done (D13): each is done, or marked not needed with a reason, once; the fire is
 * resolved only when none is open.
 */
final class FireChecklist {

    private final Map<FireStep, String> recorded = new EnumMap<>(FireStep.class);

    void requireOpen(String incidentId, FireStep step) {
        if (recorded.containsKey(step)) {
            throw new RuleViolation("fire-step-recorded", "step " + step + " of fire " + incidentId
                    + " was already " + recorded.get(step) + " (D13)");
        }
    }

    void record(FireStep step, String how) {
        recorded.put(step, how);
    }

    List<FireStep> open() {
        return Arrays.stream(FireStep.values()).filter(step -> !recorded.containsKey(step)).toList();
    }

    void requireNoneOpen(String incidentId) {
        List<FireStep> open = open();
        if (!open.isEmpty()) {
            throw new RuleViolation("fire-checklist-open", "fire " + incidentId + " cannot be resolved while steps "
                    + "are neither done nor marked not needed with a reason: " + open + " (篇2 T, D13)");
        }
    }
}
