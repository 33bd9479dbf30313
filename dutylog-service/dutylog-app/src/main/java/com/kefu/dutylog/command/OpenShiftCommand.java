package com.kefu.dutylog.command;

import com.kefu.dutylog.api.Instruction;
import com.kefu.dutylog.api.OpenMatter;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Opens a new page of the duty log (D1). {@code fromShiftId} names the previous shift of the post, whose open
 * matters and instructions the new page carries over; null for a post's first shift.
 */
record OpenShiftCommand(@TargetAggregateIdentifier String shiftId, String post, LocalDate date,
                        String openedBy, Instant openedAt, String fromShiftId, List<OpenMatter> openMatters,
                        List<Instruction> instructions) {

    public OpenShiftCommand {
        openMatters = openMatters == null ? List.of() : List.copyOf(openMatters);
        instructions = instructions == null ? List.of() : List.copyOf(instructions);
    }

    /** A post's first shift: nothing to carry over. */
    public OpenShiftCommand(String shiftId, String post, LocalDate date, String openedBy, Instant openedAt) {
        this(shiftId, post, date, openedBy, openedAt, null, List.of(), List.of());
    }
}
