package com.kefu.dutylog.event;

import java.time.Instant;

/** The task is done (D19): by whom, when, and what they did; it leaves the handover. */
public record TaskDoneEvent(String taskId, String doneBy, String note, Instant doneAt, boolean late) {
}
