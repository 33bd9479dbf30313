package com.kefu.complaint.web;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.complaint.command.ComplaintStatus;
import com.kefu.complaint.command.WorkflowCommands.AcknowledgeComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.AcknowledgeEscalationCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordSupervisorInstructionsCommand;
import com.kefu.complaint.command.WorkflowCommands.ArchiveComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.AssignComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.EscalateComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.FollowUpComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordProgressCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordRulingCommand;
import com.kefu.complaint.command.WorkflowCommands.ResolveComplaintCommand;
import com.kefu.complaint.query.Departments;
import com.kefu.complaint.web.WorkflowRequests.Acknowledgement;
import com.kefu.complaint.web.WorkflowRequests.Assignment;
import com.kefu.complaint.web.WorkflowRequests.Escalation;
import com.kefu.complaint.web.WorkflowRequests.FollowUp;
import com.kefu.complaint.web.WorkflowRequests.Progress;
import com.kefu.complaint.web.WorkflowRequests.Resolution;
import com.kefu.complaint.web.WorkflowRequests.Ruling;
import com.kefu.complaint.web.WorkflowRequests.StatusAnswer;
import com.kefu.complaint.web.WorkflowRequests.SupervisorInstructions;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.security.Roles;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.function.Function;

/** The complaint's workflow: each call is one step, refused with 409 when a rule forbids it. */
@RestController
@RequestMapping("/api/complaints/{id}")
class WorkflowController {

    private static final String HANDLERS = "hasAnyRole('AFTER_SALES', 'CS_HEAD')";

    private final Commands commands;
    private final Clock clock;
    private final Departments departments;

    WorkflowController(Commands commands, Clock clock, Departments departments) {
        this.commands = commands;
        this.clock = clock;
        this.departments = departments;
    }

    @PostMapping("/escalate")
    @PreAuthorize(HANDLERS)
    StatusAnswer escalate(@PathVariable String id, @Valid @RequestBody Escalation escalation) {
        return step(id, user -> new EscalateComplaintCommand(id, escalation.reason(), user.username(),
                clock.instant()));
    }

    /** The supervisor takes up an escalated complaint from the inbox (C14). */
    @PostMapping("/supervisor/acknowledgement")
    @PreAuthorize("hasRole('SUPERVISOR')")
    StatusAnswer acknowledgeEscalation(@PathVariable String id) {
        return step(id, user -> new AcknowledgeEscalationCommand(id, user.hasRole(Roles.SUPERVISOR), user.username(),
                clock.instant()));
    }

    /** The supervisor's instructions (上级的指导, C14): on the complaint, and into the next handover (D20). */
    @PostMapping("/supervisor/instructions")
    @PreAuthorize("hasRole('SUPERVISOR')")
    StatusAnswer supervisorInstructions(@PathVariable String id,
                                        @Valid @RequestBody SupervisorInstructions instructions) {
        return step(id, user -> new RecordSupervisorInstructionsCommand(id, instructions.instructions(),
                user.hasRole(Roles.SUPERVISOR), user.username(), clock.instant()));
    }

    @PostMapping("/assign")
    @PreAuthorize(HANDLERS)
    StatusAnswer assign(@PathVariable String id, @Valid @RequestBody Assignment assignment) {
        departments.requireActive(assignment.department());
        return step(id, user -> new AssignComplaintCommand(id, assignment.department(), assignment.instructions(),
                user.hasRole(Roles.CS_HEAD), user.username(), clock.instant()));
    }

    @PostMapping("/acknowledge")
    @PreAuthorize("hasRole('DEPARTMENT')")
    StatusAnswer acknowledge(@PathVariable String id, @Valid @RequestBody(required = false) Acknowledgement ack) {
        String note = ack == null ? null : ack.note();
        return step(id, user -> new AcknowledgeComplaintCommand(id, user.ownDepartment(), note, user.username(),
                clock.instant()));
    }

    @PostMapping("/progress")
    @PreAuthorize("hasRole('DEPARTMENT')")
    StatusAnswer progress(@PathVariable String id, @Valid @RequestBody Progress progress) {
        return step(id, user -> new RecordProgressCommand(id, user.ownDepartment(), progress.note(), user.username(),
                clock.instant()));
    }

    @PostMapping("/resolve")
    @PreAuthorize("hasRole('DEPARTMENT')")
    StatusAnswer resolve(@PathVariable String id, @Valid @RequestBody Resolution resolution) {
        return step(id, user -> new ResolveComplaintCommand(id, user.ownDepartment(), resolution.result(),
                user.username(), clock.instant()));
    }

    @PostMapping("/follow-up")
    @PreAuthorize(HANDLERS)
    StatusAnswer followUp(@PathVariable String id, @Valid @RequestBody FollowUp call) {
        if (call.reached() && call.satisfaction() == null && call.satisfied() == null) {
            throw new InvalidRequest("a customer who was reached gives a satisfaction of 1-5");
        }
        return step(id, user -> new FollowUpComplaintCommand(id, call.reached(), call.satisfaction(), call.comment(),
                call.satisfied(), user.username(), clock.instant()));
    }

    @PostMapping("/ruling")
    @PreAuthorize("hasRole('CS_HEAD')")
    StatusAnswer ruling(@PathVariable String id, @Valid @RequestBody Ruling ruling) {
        return step(id, user -> new RecordRulingCommand(id, ruling.ruling(), user.username(), clock.instant()));
    }

    @PostMapping("/archive")
    @PreAuthorize(HANDLERS)
    StatusAnswer archive(@PathVariable String id) {
        return step(id, user -> new ArchiveComplaintCommand(id, user.username(), clock.instant()));
    }

    private StatusAnswer step(String id, Function<CurrentUser, Object> command) {
        ComplaintStatus status = commands.send(command.apply(CurrentUser.get()));
        return new StatusAnswer(id, status.name());
    }
}
