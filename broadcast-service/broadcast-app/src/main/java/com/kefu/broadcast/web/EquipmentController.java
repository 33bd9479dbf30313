package com.kefu.broadcast.web;

import com.kefu.broadcast.command.EquipmentDesk;
import com.kefu.broadcast.query.EquipmentQueries;
import com.kefu.broadcast.query.EquipmentQueries.EquipmentSummary;
import com.kefu.broadcast.query.EquipmentQueries.EquipmentView;
import com.kefu.broadcast.web.BroadcastRequests.Created;
import com.kefu.broadcast.web.BroadcastRequests.EquipmentRequest;
import com.kefu.broadcast.web.BroadcastRequests.FaultRequest;
import com.kefu.broadcast.web.BroadcastRequests.MaintenanceRequest;
import com.kefu.broadcast.web.BroadcastRequests.Repair;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.axon.RecordsAsOf;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.rules.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The station's equipment, its maintenance and its faults (B6). */
@RestController
@RequestMapping("/api/equipment")
class EquipmentController {

    private static final String EQUIPMENT = "Equipment";

    private final EquipmentDesk desk;
    private final EquipmentQueries equipment;
    private final EventHistory history;
    private final RecordsAsOf records;

    EquipmentController(EquipmentDesk desk, EquipmentQueries equipment, EventHistory history, RecordsAsOf records) {
        this.desk = desk;
        this.equipment = equipment;
        this.history = history;
        this.records = records;
    }

    @Operation(summary = "Lists the broadcasting equipment")
    @GetMapping
    @PreAuthorize(Access.READERS)
    List<EquipmentSummary> list() {
        return equipment.list();
    }

    /** {@code asOf}: the equipment as it was then (A4; its neighbours as they are now). */
    @Operation(summary = "Shows a piece of equipment with its maintenance and faults, now or as it was at an instant")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READERS)
    EquipmentView get(@PathVariable String id, @RequestParam(required = false) Instant asOf) {
        return records.read(EQUIPMENT, id, asOf, equipment::find)
                .orElseThrow(() -> new NotFound("no equipment " + id));
    }

    @Operation(summary = "Lists a piece of equipment's events in order")
    @GetMapping("/{id}/history")
    @PreAuthorize(Access.READERS)
    List<EventHistory.Entry> history(@PathVariable String id) {
        return history.of(EQUIPMENT, id, () -> new NotFound("no equipment " + id));
    }

    @Operation(summary = "Registers a piece of equipment")
    @PostMapping
    @PreAuthorize(Access.BROADCASTER)
    @ResponseStatus(HttpStatus.CREATED)
    Created register(@Valid @RequestBody EquipmentRequest request,
                     @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                     @Size(max = 100) String idempotencyKey) {
        return new Created(desk.register(request.name(), request.location(), idempotencyKey));
    }

    @Operation(summary = "Records maintenance of a piece of equipment")
    @PostMapping("/{id}/maintenance")
    @PreAuthorize(Access.BROADCASTER)
    @ResponseStatus(HttpStatus.CREATED)
    Created maintain(@PathVariable String id, @Valid @RequestBody MaintenanceRequest request,
                     @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                     @Size(max = 100) String idempotencyKey) {
        return new Created(desk.maintain(id, request.description(), request.performedBy(),
                request.performedAt(), idempotencyKey));
    }

    @Operation(summary = "Reports a fault of a piece of equipment")
    @PostMapping("/{id}/faults")
    @PreAuthorize(Access.BROADCASTER)
    @ResponseStatus(HttpStatus.CREATED)
    Created fault(@PathVariable String id, @Valid @RequestBody FaultRequest request,
                  @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                  @Size(max = 100) String idempotencyKey) {
        return new Created(desk.reportFault(id, request.description(), idempotencyKey));
    }

    @Operation(summary = "Clears a fault of a piece of equipment")
    @PostMapping("/{id}/faults/{faultId}/clear")
    @PreAuthorize(Access.BROADCASTER)
    Created clear(@PathVariable String id, @PathVariable String faultId, @Valid @RequestBody Repair repair) {
        return new Created(desk.clearFault(id, faultId, repair.repair()));
    }
}
