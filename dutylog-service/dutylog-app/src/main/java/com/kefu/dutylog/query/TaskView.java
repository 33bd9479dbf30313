package com.kefu.dutylog.query;

import java.time.Instant;

/**
 * A task from a superior (D19): what, from whom, to whom ({@code assigneeKind} PERSON, a user name, or POST), due
 * when; {@code overdue} when it is not done and its due time has passed by the service's clock (or, in a handover, by
 * the handover's time); once done, by whom, when, what they did and whether it was late.
 */
public record TaskView(String id, String text, String givenBy, String assigneeKind, String assignee, Instant dueAt,
                       String recordedBy, Instant recordedAt, boolean done, String doneBy, Instant doneAt,
                       String doneNote, boolean doneLate, boolean overdue) {
}
