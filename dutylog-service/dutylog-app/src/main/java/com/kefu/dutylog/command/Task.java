package com.kefu.dutylog.command;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.dutylog.command.TaskCommands.GiveTaskCommand;
import com.kefu.dutylog.command.TaskCommands.MarkTaskDoneCommand;
import com.kefu.dutylog.event.TaskDoneEvent;
import com.kefu.dutylog.event.TaskGivenEvent;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A task from a superior (D19, 第二章六 完成上级领导交办的临时工作; 篇4 G): given to a person or to a post, with a due
 * date; it travels from handover to handover until it is marked done, once, by whoever did it. A task given to a
 * person is marked done by that person; one given to a post by anyone at the desk. Done after its due time, it is
 * recorded as done late.
 */
@Aggregate
public class Task {

    public static final String PERSON = "PERSON";
    public static final String POST = "POST";

    @AggregateIdentifier
    private String taskId;
    private String assigneeKind;
    private String assignee;
    private Instant dueAt;
    private boolean done;

    protected Task() {
    }

    @CommandHandler
    public Task(GiveTaskCommand command) {
        if (!command.dueAt().isAfter(command.recordedAt())) {
            throw new InvalidRequest("dueAt: a task is given with a due time still to come, not "
                    + command.dueAt() + " (D19)");
        }
        apply(new TaskGivenEvent(command.taskId(), command.text(), command.givenBy(), command.assigneeKind(),
                command.assignee(), command.dueAt(), command.recordedBy(), command.recordedAt()));
    }

    @CommandHandler
    void handle(MarkTaskDoneCommand command) {
        if (done) {
            throw new RuleViolation("task-done", "task " + taskId + " was marked done already (D19)");
        }
        if (PERSON.equals(assigneeKind) && !assignee.equals(command.doneBy())) {
            throw new RuleViolation("task-not-yours", "task " + taskId + " was given to " + assignee
                    + ": only they mark it done (D19)");
        }
        apply(new TaskDoneEvent(taskId, command.doneBy(), command.note(), command.doneAt(),
                command.doneAt().isAfter(dueAt)));
    }

    @EventSourcingHandler
    void on(TaskGivenEvent event) {
        taskId = event.taskId();
        assigneeKind = event.assigneeKind();
        assignee = event.assignee();
        dueAt = event.dueAt();
    }

    @EventSourcingHandler
    void on(TaskDoneEvent event) {
        done = true;
    }
}
