package com.kefu.broadcast.command;

import com.kefu.broadcast.command.PlanCommands.PlanSlotCommand;
import com.kefu.broadcast.command.PlanCommands.RemoveSlotCommand;
import com.kefu.broadcast.event.SlotPlannedEvent;
import com.kefu.broadcast.event.SlotRemovedEvent;
import com.kefu.platform.axon.Snapshots;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A day's broadcast plan (播音计划, B1): its slots, one per time. Whether a slot's script may air that day is the
 * script's to say, and may change after the slot was planned; the plan's view flags it, it is not refused here.
 * <p>
 * Slots planned and removed all day long make a long stream: the plan is loaded from a snapshot of its slots and
 * the events after it.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER)
@Revision("1")
public class BroadcastPlan {

    @AggregateIdentifier
    private String planId;
    private LocalDate date;
    private final Map<String, LocalTime> slots = new HashMap<>();

    protected BroadcastPlan() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(PlanSlotCommand command) {
        if (command.date().isBefore(command.today())) {
            throw new RuleViolation("plan-in-the-past",
                    command.date() + " is over: the plan is kept for today and the days ahead (B1)");
        }
        if (slots.containsValue(command.time())) {
            throw new RuleViolation("slot-taken", "the plan of " + command.date() + " has a slot at "
                    + command.time() + " already: remove it first, or pick another time (B1)");
        }
        apply(new SlotPlannedEvent(command.planId(), command.date(), command.slotId(), command.time(),
                command.programme(), command.scriptId(), command.equipmentId(), command.actor(), command.at()));
        return command.slotId();
    }

    @CommandHandler
    String handle(RemoveSlotCommand command) {
        if (!slots.containsKey(command.slotId())) {
            throw new NotFound("the plan of " + date + " has no slot " + command.slotId());
        }
        apply(new SlotRemovedEvent(planId, date, command.slotId(), command.actor(), command.at()));
        return command.slotId();
    }

    @EventSourcingHandler
    void on(SlotPlannedEvent event) {
        planId = event.planId();
        date = event.date();
        slots.put(event.slotId(), event.time());
    }

    @EventSourcingHandler
    void on(SlotRemovedEvent event) {
        slots.remove(event.slotId());
    }

    Map<String, LocalTime> slots() {
        return Map.copyOf(slots);
    }
}
