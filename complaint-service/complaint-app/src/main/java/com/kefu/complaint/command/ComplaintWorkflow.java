package com.kefu.complaint.command;

import com.kefu.complaint.command.WorkflowCommands.AcknowledgeComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.AcknowledgeEscalationCommand;
import com.kefu.complaint.command.WorkflowCommands.ArchiveComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.AssignComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.EscalateComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.FollowUpComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordProgressCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordRulingCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordSupervisorInstructionsCommand;
import com.kefu.complaint.command.WorkflowCommands.ResolveComplaintCommand;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.security.Roles;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.function.Function;

/**
 * The complaint's workflow (C3–C7, C14): each step as the signed-in user, with the roles and the department the
 * complaint's rules ask of them; answers the complaint's status after the step.
 */
@Service
public class ComplaintWorkflow {

    private final Commands commands;
    private final Clock clock;

    ComplaintWorkflow(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public ComplaintStatus escalate(String id, String reason) {
        return step(user -> new EscalateComplaintCommand(id, reason, user.username(), clock.instant()));
    }

    /** The supervisor takes up an escalated complaint from the inbox (C14). */
    public ComplaintStatus acknowledgeEscalation(String id) {
        return step(user -> new AcknowledgeEscalationCommand(id, user.hasRole(Roles.SUPERVISOR), user.username(),
                clock.instant()));
    }

    /** The supervisor's instructions (上级的指导, C14): on the complaint, and into the next handover (D20). */
    public ComplaintStatus supervisorInstructions(String id, String instructions) {
        return step(user -> new RecordSupervisorInstructionsCommand(id, instructions,
                user.hasRole(Roles.SUPERVISOR), user.username(), clock.instant()));
    }

    public ComplaintStatus assign(String id, String department, String instructions) {
        return step(user -> new AssignComplaintCommand(id, department, instructions,
                user.hasRole(Roles.CS_HEAD), user.username(), clock.instant()));
    }

    /** By the user's own department. */
    public ComplaintStatus acknowledge(String id, String note) {
        return step(user -> new AcknowledgeComplaintCommand(id, user.ownDepartment(), note, user.username(),
                clock.instant()));
    }

    public ComplaintStatus progress(String id, String note) {
        return step(user -> new RecordProgressCommand(id, user.ownDepartment(), note, user.username(),
                clock.instant()));
    }

    public ComplaintStatus resolve(String id, String result) {
        return step(user -> new ResolveComplaintCommand(id, user.ownDepartment(), result, user.username(),
                clock.instant()));
    }

    public ComplaintStatus followUp(String id, boolean reached, Integer satisfaction, String comment,
                                    Boolean satisfied) {
        return step(user -> new FollowUpComplaintCommand(id, reached, satisfaction, comment, satisfied,
                user.username(), clock.instant()));
    }

    public ComplaintStatus ruling(String id, String ruling) {
        return step(user -> new RecordRulingCommand(id, ruling, user.username(), clock.instant()));
    }

    public ComplaintStatus archive(String id) {
        return step(user -> new ArchiveComplaintCommand(id, user.username(), clock.instant()));
    }

    private ComplaintStatus step(Function<CurrentUser, Object> command) {
        return commands.send(command.apply(CurrentUser.get()));
    }
}
