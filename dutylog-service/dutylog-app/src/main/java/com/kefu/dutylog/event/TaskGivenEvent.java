package com.kefu.dutylog.event;

import java.time.Instant;

/**
 * A superior gave the desk a task (D19, 第二章六): what, from whom, to a person (their user name) or a post, due when;
 * who wrote it down and when.
 */
public record TaskGivenEvent(String taskId, String text, String givenBy, String assigneeKind, String assignee,
                             Instant dueAt, String recordedBy, Instant recordedAt) {
}
