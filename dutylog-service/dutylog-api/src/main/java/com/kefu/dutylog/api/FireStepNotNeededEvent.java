package com.kefu.dutylog.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** A step of the fire checklist was not needed, and why (D13): e.g. the fire was out before an extinguisher was. */
@PublishedEvent(type = "FireStepNotNeeded", version = 1)
public record FireStepNotNeededEvent(String incidentId, FireStep step, String reason, String markedBy,
                                     Instant markedAt) {
}
