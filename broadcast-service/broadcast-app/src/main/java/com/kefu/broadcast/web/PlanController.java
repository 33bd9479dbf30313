package com.kefu.broadcast.web;

import com.kefu.broadcast.command.PlanCommands;
import com.kefu.broadcast.command.PlanDesk;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.axon.RecordsAsOf;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.rules.InvalidRequest;
import com.kefu.broadcast.query.PlanQueries;
import com.kefu.broadcast.query.PlanQueries.Plan;
import com.kefu.broadcast.query.RecurringSlots;
import com.kefu.broadcast.query.RecurringSlots.RecurringSlot;
import com.kefu.broadcast.command.StoredEvents;
import com.kefu.broadcast.web.BroadcastRequests.Created;
import com.kefu.broadcast.web.BroadcastRequests.RecurringSlotRequest;
import com.kefu.broadcast.web.BroadcastRequests.SlotRequest;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The broadcast plan (B1): each day's slots, the recurring slots of every day, flagged where they cannot air. */
@RestController
@RequestMapping("/api/plans")
class PlanController {

    private static final String PLAN = "BroadcastPlan";

    private final PlanDesk desk;
    private final PlanQueries plans;
    private final RecurringSlots recurring;
    private final StoredEvents events;
    private final Clock clock;
    private final EventHistory history;
    private final RecordsAsOf records;

    PlanController(PlanDesk desk, PlanQueries plans, RecurringSlots recurring, StoredEvents events, Clock clock,
                   EventHistory history, RecordsAsOf records) {
        this.desk = desk;
        this.plans = plans;
        this.recurring = recurring;
        this.events = events;
        this.clock = clock;
        this.history = history;
        this.records = records;
    }

    @Operation(summary = "Plans a slot on a day's broadcast plan")
    @PostMapping("/{date}/slots")
    @PreAuthorize(Access.BROADCASTER)
    @ResponseStatus(HttpStatus.CREATED)
    Created plan(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                 @Valid @RequestBody SlotRequest slot,
                 @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                 @Size(max = 100) String idempotencyKey) {
        requireKnown(slot.scriptId(), slot.equipmentId());
        return new Created(desk.plan(date, slot.time(), slot.programme(), slot.scriptId(), slot.equipmentId(),
                idempotencyKey));
    }

    @Operation(summary = "Removes a slot from a day's broadcast plan")
    @DeleteMapping("/{date}/slots/{slotId}")
    @PreAuthorize(Access.BROADCASTER)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                @PathVariable String slotId) {
        desk.remove(date, slotId);
    }

    /**
     * {@code asOf}: the day's plan as it was then (A4: its slots as planned then; scripts, equipment, reviews and
     * recurring slots as they are now); 404 when the day had no plan yet.
     */
    @Operation(summary = "Shows a day's broadcast plan, now or as it was at an instant")
    @GetMapping("/{date}")
    @PreAuthorize(Access.READERS)
    Plan day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
             @RequestParam(required = false) Instant asOf) {
        if (asOf == null) {
            return plans.of(date);
        }
        return records.of(PLAN, PlanCommands.planId(date), asOf, id -> Optional.of(plans.of(date)))
                .orElseThrow(() -> new NotFound("no plan for " + date + " at " + asOf));
    }

    @Operation(summary = "Lists the events of a day's broadcast plan in order")
    @GetMapping("/{date}/history")
    @PreAuthorize(Access.READERS)
    List<EventHistory.Entry> history(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return history.of(PLAN, PlanCommands.planId(date), () -> new NotFound("no plan for " + date));
    }

    @Operation(summary = "Lists the recurring slots")
    @GetMapping("/recurring-slots")
    @PreAuthorize(Access.READERS)
    List<RecurringSlot> recurringSlots() {
        return recurring.list();
    }

    @Operation(summary = "Creates or changes a recurring slot")
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
