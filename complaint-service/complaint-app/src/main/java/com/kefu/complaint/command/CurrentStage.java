package com.kefu.complaint.command;

import com.kefu.complaint.api.ComplaintArchivedEvent;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintDeadlineApproachingEvent;
import com.kefu.complaint.api.ComplaintDeadlineMissedEvent;
import com.kefu.complaint.api.ComplaintEscalatedEvent;
import com.kefu.complaint.api.ComplaintFollowedUpEvent;
import com.kefu.complaint.api.ComplaintReopenedEvent;
import com.kefu.complaint.api.ComplaintResolvedEvent;
import com.kefu.complaint.command.WorkflowCommands.RecordDeadlineApproachingCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordDeadlineMissedCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Instant;

import static com.kefu.complaint.command.ComplaintStatus.ARCHIVED;
import static com.kefu.complaint.command.ComplaintStatus.ASSIGNED;
import static com.kefu.complaint.command.ComplaintStatus.ESCALATED;
import static com.kefu.complaint.command.ComplaintStatus.FOLLOWED_UP;
import static com.kefu.complaint.command.ComplaintStatus.RECEIVED;
import static com.kefu.complaint.command.ComplaintStatus.RESOLVED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member of the {@link Complaint}: the {@link Stage} of the workflow it is in, which is its {@link ComplaintStatus},
 * and the deadline watch's record of that stage (C10, C17). Every entry into a stage starts its time again; the watch
 * ({@link DeadlineWatch}) sends what it saw of a stage, and the complaint records it only while that is still so.
 */
class CurrentStage {

    private final Complaint complaint;
    private Stage stage;

    CurrentStage(Complaint complaint, Instant receivedAt) {
        this.complaint = complaint;
        this.stage = Stage.entered(RECEIVED, receivedAt);
    }

    ComplaintStatus status() {
        return stage.status();
    }

    @CommandHandler
    ComplaintStatus handle(RecordDeadlineMissedCommand command) {
        if (stage.missable(command.stage(), command.enteredAt())) {
            apply(new ComplaintDeadlineMissedEvent(complaint.complaintId(), complaint.number(), command.stage(),
                    complaint.priority(), complaint.department(), command.dueAt(), command.at()));
        }
        return status();
    }

    @CommandHandler
    ComplaintStatus handle(RecordDeadlineApproachingCommand command) {
        if (stage.warnable(command.stage(), command.enteredAt(), command.dueAt(), command.at())) {
            apply(new ComplaintDeadlineApproachingEvent(complaint.complaintId(), complaint.number(), command.stage(),
                    complaint.priority(), complaint.department(), command.enteredAt(), command.dueAt(), command.at()));
        }
        return status();
    }

    @EventSourcingHandler
    void on(ComplaintEscalatedEvent event) {
        stage = Stage.entered(ESCALATED, event.escalatedAt());
    }

    @EventSourcingHandler
    void on(ComplaintAssignedEvent event) {
        stage = Stage.entered(ASSIGNED, event.assignedAt());
    }

    @EventSourcingHandler
    void on(ComplaintResolvedEvent event) {
        stage = Stage.entered(RESOLVED, event.resolvedAt());
    }

    /** Only a satisfied customer closes the stage; an unsatisfied one reopens it (below), a call unanswered waits. */
    @EventSourcingHandler
    void on(ComplaintFollowedUpEvent event) {
        if (event.satisfied()) {
            stage = Stage.entered(FOLLOWED_UP, event.calledAt());
        }
    }

    @EventSourcingHandler
    void on(ComplaintReopenedEvent event) {
        stage = Stage.entered(ASSIGNED, event.reopenedAt());
    }

    @EventSourcingHandler
    void on(ComplaintArchivedEvent event) {
        stage = Stage.entered(ARCHIVED, event.archivedAt());
    }

    @EventSourcingHandler
    void on(ComplaintDeadlineApproachingEvent event) {
        stage = stage.warnedOf();
    }

    @EventSourcingHandler
    void on(ComplaintDeadlineMissedEvent event) {
        stage = stage.missedIt();
    }
}
