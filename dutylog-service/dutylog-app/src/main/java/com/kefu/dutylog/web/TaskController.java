package com.kefu.dutylog.web;

import com.kefu.dutylog.command.Task;
import com.kefu.dutylog.command.TaskDesk;
import com.kefu.dutylog.query.TaskQueries;
import com.kefu.dutylog.query.TaskView;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.rules.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static com.kefu.dutylog.web.Access.READERS;
import static com.kefu.dutylog.web.Access.TASK_GIVERS;
import static com.kefu.dutylog.web.Access.WRITERS;

/**
 * Tasks from superiors (D19, 第二章六, 篇4 G): given with a due time to a person or a post, carried on every handover
 * until done, marked done once by whoever did it; overdue by the service's clock.
 */
@RestController
@RequestMapping("/api/tasks")
@Validated
class TaskController {

    private final TaskDesk desk;
    private final TaskQueries tasks;
    private final EventHistory history;

    TaskController(TaskDesk desk, TaskQueries tasks, EventHistory history) {
        this.desk = desk;
        this.tasks = tasks;
        this.history = history;
    }

    /**
     * {@code from}: the superior who gave it (the person signed in when absent); {@code person} (a user name) or
     * {@code post} (e.g. front-desk), exactly one; {@code dueAt} still to come.
     */
    record TaskRequest(@NotBlank @Size(max = 2000) String text, @Size(max = 100) String from,
                       @Size(max = 60) String person, @Size(max = 60) String post, @NotNull Instant dueAt) {

        @AssertTrue(message = "a task is given to a person or to a post: exactly one of person and post")
        boolean isAssignee() {
            return blank(person) != blank(post);
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }
    }

    record DoneRequest(@Size(max = 2000) String note) {
    }

    @Operation(summary = "Gives a task to a member of the desk")
    @PostMapping
    @PreAuthorize(TASK_GIVERS)
    ResponseEntity<TaskView> give(@Valid @RequestBody TaskRequest request,
                                  @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                                  @Size(max = 100) String idempotencyKey) {
        boolean toPerson = request.person() != null && !request.person().isBlank();
        String id = desk.give(request.text(), request.from(), toPerson ? Task.PERSON : Task.POST,
                toPerson ? request.person() : request.post(), request.dueAt(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/tasks/" + id)).body(get(id));
    }

    /** {@code open}: true, only those not done; false, only the done; all when absent. By due time. */
    @Operation(summary = "Lists tasks by due time")
    @GetMapping
    @PreAuthorize(READERS)
    List<TaskView> list(@RequestParam(required = false) Boolean open) {
        return tasks.list(open);
    }

    @Operation(summary = "Shows a task")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    TaskView get(@PathVariable String id) {
        return tasks.find(id).orElseThrow(() -> new NotFound("no task " + id));
    }

    @Operation(summary = "Lists a task's events in order")
    @GetMapping("/{id}/history")
    @PreAuthorize(READERS)
    List<EventHistory.Entry> history(@PathVariable String id) {
        return history.of("Task", id, () -> new NotFound("no task " + id));
    }

    /** Marked done by who did it (D19): 409 {@code task-done}, {@code task-not-yours}. */
    @Operation(summary = "Marks a task done")
    @PostMapping("/{id}/done")
    @PreAuthorize(WRITERS)
    TaskView done(@PathVariable String id, @Valid @RequestBody(required = false) DoneRequest request) {
        get(id);
        desk.markDone(id, request == null ? null : request.note());
        return get(id);
    }
}
