package com.kefu.complaint.web;

import com.kefu.complaint.command.ComplaintIntake;
import com.kefu.complaint.command.ComplaintIntake.Registered;
import com.kefu.platform.idempotency.IdempotentCreates;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** The intake of complaints at the desk (C1, C2): {@code POST /api/complaints}. */
@RestController
@RequestMapping("/api/complaints")
class ComplaintIntakeController {

    private final ComplaintIntake intake;

    ComplaintIntakeController(ComplaintIntake intake) {
        this.intake = intake;
    }

    @Operation(summary = "Registers a complaint")
    @PostMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER')")
    ResponseEntity<Registered> register(@Valid @RequestBody RegisterComplaintRequest request,
                                        @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                                        @Size(max = 100) String idempotencyKey) {
        Registered registered = intake.register(request.toNewComplaint(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/complaints/" + registered.id())).body(registered);
    }
}
