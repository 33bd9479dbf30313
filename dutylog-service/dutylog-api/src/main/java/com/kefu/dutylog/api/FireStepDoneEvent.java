package com.kefu.dutylog.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** A step of the fire checklist was done (D13): by whom, when, with an optional note (e.g. who answered at 119). */
@PublishedEvent(type = "FireStepDone", version = 1)
public record FireStepDoneEvent(String incidentId, FireStep step, String note, String doneBy, Instant doneAt) {
}
