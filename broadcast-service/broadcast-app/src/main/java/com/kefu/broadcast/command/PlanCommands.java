package com.kefu.broadcast.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** What is done to a day's broadcast plan (B1). */
public final class PlanCommands {

    private PlanCommands() {
    }

    /** The plan of a day is named after it. */
    public static String planId(LocalDate date) {
        return "plan-" + date;
    }

    /** {@code today}: the station's date now; a day gone by is not planned any more. */
    record PlanSlotCommand(@TargetAggregateIdentifier String planId, LocalDate date, String slotId,
                           LocalTime time, String programme, String scriptId, String equipmentId,
                           LocalDate today, String actor, Instant at) {
    }

    record RemoveSlotCommand(@TargetAggregateIdentifier String planId, String slotId, String actor,
                             Instant at) {
    }
}
