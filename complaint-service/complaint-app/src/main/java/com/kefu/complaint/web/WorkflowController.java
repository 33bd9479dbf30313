package com.kefu.complaint.web;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.complaint.command.ComplaintStatus;
import com.kefu.complaint.command.ComplaintWorkflow;
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
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;


/** The complaint's workflow: each call is one step, refused with 409 when a rule forbids it. */
@RestController
@RequestMapping("/api/complaints/{id}")
class WorkflowController {

    private static final String HANDLERS = "hasAnyRole('AFTER_SALES', 'CS_HEAD')";

    private final ComplaintWorkflow workflow;
    private final Departments departments;

    WorkflowController(ComplaintWorkflow workflow, Departments departments) {
        this.workflow = workflow;
        this.departments = departments;
    }

    @Operation(summary = "Escalates a complaint")
    @PostMapping("/escalate")
    @PreAuthorize(HANDLERS)
    StatusAnswer escalate(@PathVariable String id, @Valid @RequestBody Escalation escalation) {
        return answer(id, workflow.escalate(id, escalation.reason()));
    }

    /** The supervisor takes up an escalated complaint from the inbox (C14). */
    @Operation(summary = "Takes up an escalated complaint as the supervisor")
    @PostMapping("/supervisor/acknowledgement")
    @PreAuthorize("hasRole('SUPERVISOR')")
    StatusAnswer acknowledgeEscalation(@PathVariable String id) {
        return answer(id, workflow.acknowledgeEscalation(id));
    }

    /** The supervisor's instructions (上级的指导, C14): on the complaint, and into the next handover (D20). */
    @Operation(summary = "Gives the supervisor's instructions on a complaint")
    @PostMapping("/supervisor/instructions")
    @PreAuthorize("hasRole('SUPERVISOR')")
    StatusAnswer supervisorInstructions(@PathVariable String id,
                                        @Valid @RequestBody SupervisorInstructions instructions) {
        return answer(id, workflow.supervisorInstructions(id, instructions.instructions()));
    }

    @Operation(summary = "Assigns a complaint to a department")
    @PostMapping("/assign")
    @PreAuthorize(HANDLERS)
    StatusAnswer assign(@PathVariable String id, @Valid @RequestBody Assignment assignment) {
        departments.requireActive(assignment.department());
        return answer(id, workflow.assign(id, assignment.department(), assignment.instructions()));
    }

    @Operation(summary = "Acknowledges a complaint for the department")
    @PostMapping("/acknowledge")
    @PreAuthorize("hasRole('DEPARTMENT')")
    StatusAnswer acknowledge(@PathVariable String id, @Valid @RequestBody(required = false) Acknowledgement ack) {
        return answer(id, workflow.acknowledge(id, ack == null ? null : ack.note()));
    }

    @Operation(summary = "Records progress on a complaint")
    @PostMapping("/progress")
    @PreAuthorize("hasRole('DEPARTMENT')")
    StatusAnswer progress(@PathVariable String id, @Valid @RequestBody Progress progress) {
        return answer(id, workflow.progress(id, progress.note()));
    }

    @Operation(summary = "Resolves a complaint")
    @PostMapping("/resolve")
    @PreAuthorize("hasRole('DEPARTMENT')")
    StatusAnswer resolve(@PathVariable String id, @Valid @RequestBody Resolution resolution) {
        return answer(id, workflow.resolve(id, resolution.result()));
    }

    @Operation(summary = "Records the follow-up call with the customer")
    @PostMapping("/follow-up")
    @PreAuthorize(HANDLERS)
    StatusAnswer followUp(@PathVariable String id, @Valid @RequestBody FollowUp call) {
        if (call.reached() && call.satisfaction() == null && call.satisfied() == null) {
            throw new InvalidRequest("a customer who was reached gives a satisfaction of 1-5");
        }
        return answer(id, workflow.followUp(id, call.reached(), call.satisfaction(), call.comment(),
                call.satisfied()));
    }

    @Operation(summary = "Records the CS head's ruling on a disputed complaint")
    @PostMapping("/ruling")
    @PreAuthorize("hasRole('CS_HEAD')")
    StatusAnswer ruling(@PathVariable String id, @Valid @RequestBody Ruling ruling) {
        return answer(id, workflow.ruling(id, ruling.ruling()));
    }

    @Operation(summary = "Archives a complaint")
    @PostMapping("/archive")
    @PreAuthorize(HANDLERS)
    StatusAnswer archive(@PathVariable String id) {
        return answer(id, workflow.archive(id));
    }

    private static StatusAnswer answer(String id, ComplaintStatus status) {
        return new StatusAnswer(id, status.name());
    }
}
