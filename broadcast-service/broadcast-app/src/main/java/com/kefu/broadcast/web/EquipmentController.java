package com.kefu.broadcast.web;

import com.kefu.broadcast.command.EquipmentCommands.ClearFaultCommand;
import com.kefu.broadcast.command.EquipmentCommands.RecordMaintenanceCommand;
import com.kefu.broadcast.command.EquipmentCommands.RegisterEquipmentCommand;
import com.kefu.broadcast.command.EquipmentCommands.ReportFaultCommand;
import com.kefu.broadcast.query.EquipmentQueries;
import com.kefu.broadcast.query.EquipmentQueries.EquipmentSummary;
import com.kefu.broadcast.query.EquipmentQueries.EquipmentView;
import com.kefu.broadcast.web.BroadcastRequests.Created;
import com.kefu.broadcast.web.BroadcastRequests.EquipmentRequest;
import com.kefu.broadcast.web.BroadcastRequests.FaultRequest;
import com.kefu.broadcast.web.BroadcastRequests.MaintenanceRequest;
import com.kefu.broadcast.web.BroadcastRequests.Repair;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.rules.NotFound;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The station's equipment, its maintenance and its faults (B6). */
@RestController
@RequestMapping("/api/equipment")
class EquipmentController {

    private final Commands commands;
    private final EquipmentQueries equipment;
    private final Clock clock;

    EquipmentController(Commands commands, EquipmentQueries equipment, Clock clock) {
        this.commands = commands;
        this.equipment = equipment;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(Access.READERS)
    List<EquipmentSummary> list() {
        return equipment.list();
    }

    @GetMapping("/{id}")
    @PreAuthorize(Access.READERS)
    EquipmentView get(@PathVariable String id) {
        return equipment.find(id).orElseThrow(() -> new NotFound("no equipment " + id));
    }

    @PostMapping
    @PreAuthorize(Access.BROADCASTER)
    @ResponseStatus(HttpStatus.CREATED)
    Created register(@Valid @RequestBody EquipmentRequest request) {
        String id = UUID.randomUUID().toString();
        commands.send(new RegisterEquipmentCommand(id, request.name(), request.location(), user(), clock.instant()));
        return new Created(id);
    }

    @PostMapping("/{id}/maintenance")
    @PreAuthorize(Access.BROADCASTER)
    @ResponseStatus(HttpStatus.CREATED)
    Created maintain(@PathVariable String id, @Valid @RequestBody MaintenanceRequest request) {
        Instant now = clock.instant();
        String by = request.performedBy() == null || request.performedBy().isBlank() ? user() : request.performedBy();
        return new Created(commands.send(new RecordMaintenanceCommand(id, UUID.randomUUID().toString(),
                request.description(), by, request.performedAt() == null ? now : request.performedAt(), user(),
                now)));
    }

    @PostMapping("/{id}/faults")
    @PreAuthorize(Access.BROADCASTER)
    @ResponseStatus(HttpStatus.CREATED)
    Created fault(@PathVariable String id, @Valid @RequestBody FaultRequest request) {
        return new Created(commands.send(new ReportFaultCommand(id, UUID.randomUUID().toString(),
                request.description(), user(), clock.instant())));
    }

    @PostMapping("/{id}/faults/{faultId}/clear")
    @PreAuthorize(Access.BROADCASTER)
    Created clear(@PathVariable String id, @PathVariable String faultId, @Valid @RequestBody Repair repair) {
        return new Created(commands.send(new ClearFaultCommand(id, faultId, repair.repair(), user(),
                clock.instant())));
    }

    private static String user() {
        return CurrentUser.get().username();
    }
}
