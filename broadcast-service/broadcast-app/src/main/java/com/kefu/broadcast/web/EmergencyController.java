package com.kefu.broadcast.web;

import com.kefu.broadcast.command.EmergencyDesk;
import com.kefu.broadcast.command.EmergencyDesk.Aired;
import com.kefu.broadcast.command.EmergencyTemplates;
import com.kefu.broadcast.command.EmergencyTemplates.Template;
import com.kefu.broadcast.web.BroadcastRequests.EmergencyRequest;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Emergency announcements (B7): the pre-approved templates, and airing one at once. A fire in the duty log airs
 * the evacuation without anyone calling this (messaging/IncidentListener).
 */
@RestController
@RequestMapping("/api/emergencies")
class EmergencyController {

    private final EmergencyDesk desk;
    private final EmergencyTemplates templates;

    EmergencyController(EmergencyDesk desk, EmergencyTemplates templates) {
        this.desk = desk;
        this.templates = templates;
    }

    @Operation(summary = "Lists the emergency announcement templates")
    @GetMapping("/templates")
    @PreAuthorize(Access.READERS)
    List<Template> templates() {
        return templates.list();
    }

    @Operation(summary = "Airs an emergency announcement now")
    @PostMapping
    @PreAuthorize(Access.BROADCASTER)
    @ResponseStatus(HttpStatus.CREATED)
    Aired air(@Valid @RequestBody EmergencyRequest request,
              @RequestHeader(name = IdempotentCreates.HEADER, required = false) @Size(max = 100) String idempotencyKey) {
        return desk.airNow(request.template(), request.cause(), CurrentUser.get().username(), idempotencyKey);
    }
}
