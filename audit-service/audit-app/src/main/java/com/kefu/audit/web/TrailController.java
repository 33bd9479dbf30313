package com.kefu.audit.web;

import com.kefu.audit.trail.Trail;
import com.kefu.platform.query.Page;
import com.kefu.platform.rules.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * {@code GET /api/audit/trail} (A2), AUDITOR and ADMIN: the events of every service in time order, by actor (a user),
 * subject (a complaint, shift, member, script … by id, or a shop by its number) or type, between {@code from}
 * (inclusive) and {@code to} (exclusive), a page at a time. Each event as its service published it: personal data
 * masked.
 */
@RestController
@Validated
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class TrailController {

    private final Trail trail;

    TrailController(Trail trail) {
        this.trail = trail;
    }

    @Operation(summary = "Lists the events of every service in time order, by actor, subject, type and time")
    @GetMapping("/api/audit/trail")
    Page<Trail.Entry> trail(@RequestParam(required = false) @Size(min = 1, max = 255) String actor,
                            @RequestParam(required = false) @Size(min = 1, max = 255) String subject,
                            @RequestParam(required = false) @Size(min = 1, max = 100) String type,
                            @RequestParam(required = false) Instant from,
                            @RequestParam(required = false) Instant to,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRequest("to: must be after from (" + from + ")");
        }
        return trail.find(new Trail.Filter(actor, subject, type, from, to), page, size);
    }
}
