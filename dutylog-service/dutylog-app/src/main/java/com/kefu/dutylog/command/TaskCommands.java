package com.kefu.dutylog.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The commands of tasks from superiors (D19). */
final class TaskCommands {

    private TaskCommands() {
    }

    /** {@code assigneeKind}: PERSON (a user name) or POST. */
    record GiveTaskCommand(@TargetAggregateIdentifier String taskId, String text, String givenBy,
                           String assigneeKind, String assignee, Instant dueAt, String recordedBy,
                           Instant recordedAt) {
    }

    record MarkTaskDoneCommand(@TargetAggregateIdentifier String taskId, String note, String doneBy,
                               Instant doneAt) {
    }
}
