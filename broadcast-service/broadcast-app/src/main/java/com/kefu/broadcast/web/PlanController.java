package com.kefu.broadcast.web;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.broadcast.command.PlanCommands;
import com.kefu.broadcast.command.PlanCommands.PlanSlotCommand;
import com.kefu.broadcast.command.PlanCommands.RemoveSlotCommand;
import com.kefu.broadcast.query.PlanQueries;
import com.kefu.broadcast.query.PlanQueries.Plan;
import com.kefu.broadcast.query.RecurringSlots;
import com.kefu.broadcast.query.RecurringSlots.RecurringSlot;
import com.kefu.broadcast.query.StoredEvents;
import com.kefu.broadcast.web.BroadcastRequests.Created;
import com.kefu.broadcast.web.BroadcastRequests.RecurringSlotRequest;
import com.kefu.broadcast.web.BroadcastRequests.SlotRequest;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.time.MallTime;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The broadcast plan (B1): each day's slots, the recurring slots of every day, flagged where they cannot air. */
@RestController
@RequestMapping("/api/plans")
class PlanController {

    private final Commands commands;
    private final PlanQueries plans;
    private final RecurringSlots recurring;
    private final StoredEvents events;
    private final MallTime mallTime;
    private final Clock clock;

    PlanController(Commands commands, PlanQueries plans, RecurringSlots recurring, StoredEvents events,
                   MallTime mallTime, Clock clock) {
        this.commands = commands;
        this.plans = plans;
        this.recurring = recurring;
        this.events = events;
        this.mallTime = mallTime;
        this.clock = clock;
    }

    @PostMapping("/{date}/slots")
    @PreAuthorize(Access.BROADCASTER)
    @ResponseStatus(HttpStatus.CREATED)
    Created plan(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                 @Valid @RequestBody SlotRequest slot) {
        requireKnown(slot.scriptId(), slot.equipmentId());
        Instant now = clock.instant();
        String slotId = commands.send(new PlanSlotCommand(PlanCommands.planId(date), date,
                UUID.randomUUID().toString(), slot.time(), slot.programme(), slot.scriptId(), slot.equipmentId(),
                mallTime.dayOf(now), CurrentUser.get().username(), now));
        return new Created(slotId);
    }

    @DeleteMapping("/{date}/slots/{slotId}")
    @PreAuthorize(Access.BROADCASTER)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                @PathVariable String slotId) {
        commands.send(new RemoveSlotCommand(PlanCommands.planId(date), slotId, CurrentUser.get().username(),
                clock.instant()));
    }

    @GetMapping("/{date}")
    @PreAuthorize(Access.READERS)
    Plan day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return plans.of(date);
    }

    @GetMapping("/recurring-slots")
    @PreAuthorize(Access.READERS)
    List<RecurringSlot> recurringSlots() {
        return recurring.list();
    }

    @PutMapping("/recurring-slots/{id}")
    @PreAuthorize(Access.BROADCASTER)
    RecurringSlot putRecurring(@PathVariable @Pattern(regexp = "[a-z0-9-]{1,40}",
            message = "must be 1-40 lower-case letters, digits or dashes") String id,
                               @Valid @RequestBody RecurringSlotRequest slot) {
        requireKnown(slot.scriptId(), slot.equipmentId());
        return recurring.put(new RecurringSlot(id, slot.time(), slot.programme(), slot.scriptId(),
                slot.equipmentId(), CurrentUser.get().username(), clock.instant()));
    }

    private void requireKnown(String scriptId, String equipmentId) {
        if (scriptId != null && !events.exists(scriptId, "Script")) {
            throw new InvalidRequest("scriptId " + scriptId + " names no script");
        }
        if (equipmentId != null && !events.exists(equipmentId, "Equipment")) {
            throw new InvalidRequest("equipmentId " + equipmentId + " names no equipment");
        }
    }
}
