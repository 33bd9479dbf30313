package com.kefu.dutylog.command;

import com.kefu.dutylog.command.TaskCommands.GiveTaskCommand;
import com.kefu.dutylog.command.TaskCommands.MarkTaskDoneCommand;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.security.CurrentUser;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Tasks from superiors (D19): written down and marked done by the person signed in, at the service's clock. */
@Service
public class TaskDesk {

    private final Commands commands;
    private final Clock clock;
    private final IdempotentCreates creates;

    TaskDesk(Commands commands, Clock clock, IdempotentCreates creates) {
        this.creates = creates;
        this.commands = commands;
        this.clock = clock;
    }

    /** {@code givenBy}: the superior who gave it; the person signed in when none is named. */
    public String give(String text, String givenBy, String assigneeKind, String assignee, Instant dueAt,
                       String idempotencyKey) {
        return creates.once("task", idempotencyKey, String.class,
                () -> give(text, givenBy, assigneeKind, assignee, dueAt));
    }

    private String give(String text, String givenBy, String assigneeKind, String assignee, Instant dueAt) {
        String taskId = UUID.randomUUID().toString();
        String user = CurrentUser.get().username();
        commands.send(new GiveTaskCommand(taskId, text.strip(), givenBy == null || givenBy.isBlank() ? user
                : givenBy.strip(), assigneeKind, assignee.strip(), dueAt, user, clock.instant()));
        return taskId;
    }

    public void markDone(String taskId, String note) {
        commands.send(new MarkTaskDoneCommand(taskId, note == null || note.isBlank() ? null : note.strip(),
                CurrentUser.get().username(), clock.instant()));
    }
}
