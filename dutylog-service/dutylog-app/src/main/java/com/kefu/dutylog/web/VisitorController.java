package com.kefu.dutylog.web;

import com.kefu.dutylog.command.VisitorDesk;
import com.kefu.dutylog.query.VisitorQueries;
import com.kefu.dutylog.query.VisitorSummary;
import com.kefu.dutylog.query.VisitorView;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.rules.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

import static com.kefu.dutylog.web.Access.READERS;
import static com.kefu.dutylog.web.Access.WRITERS;

/** Visitors (D18, 第三章二 5): who came to see whom, in and out, badge given and returned. */
@RestController
@RequestMapping("/api/visitors")
class VisitorController {

    private final VisitorDesk desk;
    private final VisitorQueries visitors;
    private final EventHistory history;

    VisitorController(VisitorDesk desk, VisitorQueries visitors, EventHistory history) {
        this.desk = desk;
        this.visitors = visitors;
        this.history = history;
    }

    /** {@code visiting}: the tenant or office they came to see; {@code badge}: the number of the badge given. */
    record ArrivalRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 100) String visiting,
                          @NotBlank @Size(max = 20) @Pattern(regexp = "[\\p{Alnum}-]+") String badge) {
    }

    @Operation(summary = "Signs a visitor in and issues a badge")
    @PostMapping
    @PreAuthorize(WRITERS)
    ResponseEntity<VisitorView> signIn(@Valid @RequestBody ArrivalRequest request,
                                       @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                                       @Size(max = 100) String idempotencyKey) {
        String id = desk.signIn(request.name(), request.visiting(), request.badge(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/visitors/" + id)).body(get(id));
    }

    /** Everyone still in the building, the earliest arrival first; names masked. */
    @Operation(summary = "Lists the visitors still in the building")
    @GetMapping("/in-building")
    @PreAuthorize(READERS)
    List<VisitorSummary> inBuilding() {
        return visitors.inBuilding();
    }

    @Operation(summary = "Shows a visitor")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    VisitorView get(@PathVariable String id) {
        return visitors.find(id).orElseThrow(() -> new NotFound("no visit " + id));
    }

    @Operation(summary = "Lists a visitor's events in order")
    @GetMapping("/{id}/history")
    @PreAuthorize(READERS)
    List<EventHistory.Entry> history(@PathVariable String id) {
        return history.of("Visit", id, () -> new NotFound("no visit " + id));
    }

    record ErasureRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** Erases the visitor's name on their request (S3), as a lost item's claimant is erased (CS_HEAD, ADMIN). */
    @Operation(summary = "Erases a visitor's name on their request")
    @PostMapping("/{id}/erasure")
    @PreAuthorize("hasAnyRole('CS_HEAD', 'ADMIN')")
    VisitorView erase(@PathVariable String id, @Valid @RequestBody ErasureRequest request) {
        if (!visitors.exists(id)) {
            throw new NotFound("no visit " + id);
        }
        desk.erase(id, request.reason());
        return get(id);
    }

    /** The visitor leaves and gives the badge back. */
    @Operation(summary = "Signs a visitor out and takes the badge back")
    @PostMapping("/{id}/departure")
    @PreAuthorize(WRITERS)
    VisitorView signOut(@PathVariable String id) {
        if (!visitors.exists(id)) {
            throw new NotFound("no visit " + id);
        }
        desk.signOut(id);
        return get(id);
    }
}
