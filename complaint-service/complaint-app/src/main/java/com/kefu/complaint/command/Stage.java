package com.kefu.complaint.command;

import com.kefu.complaint.config.DeadlineProperties;

import java.time.Instant;

/**
 * The stage of the workflow a complaint is in, since when, and what the deadline watch recorded of it (C10, C17).
 * Every entry into a stage starts its time again: a reassigned complaint is a new stage with a new deadline. The
 * watch's commands carry its view of a stage; the complaint acts on them only while that view is still its own.
 */
record Stage(ComplaintStatus status, Instant enteredAt, boolean warned, boolean missed) {

    static Stage entered(ComplaintStatus status, Instant at) {
        return new Stage(status, at, false, false);
    }

    Stage warnedOf() {
        return new Stage(status, enteredAt, true, missed);
    }

    Stage missedIt() {
        return new Stage(status, enteredAt, warned, true);
    }

    /** A missed deadline is recorded once per entry into a stage, and not for a stage the complaint has left (C10). */
    boolean missable(String stage, Instant entered) {
        return isStill(stage, entered) && !missed;
    }

    /**
     * Four fifths of the stage's time gone by {@code at}, its deadline still ahead: warned once per entry into a stage,
     * never after its deadline was missed (C17).
     */
    boolean warnable(String stage, Instant entered, Instant dueAt, Instant at) {
        boolean approaching = !at.isBefore(DeadlineProperties.warningAt(entered, dueAt)) && at.isBefore(dueAt);
        return isStill(stage, entered) && approaching && !warned && !missed;
    }

    /** The watch's view of the stage is still the complaint's: the same stage, entered at the same instant. */
    private boolean isStill(String stage, Instant entered) {
        return status.name().equals(stage) && enteredAt != null
                && enteredAt.toEpochMilli() == entered.toEpochMilli();
    }
}
