package com.kefu.complaint.web;

import com.kefu.complaint.command.ComplaintIntake;
import com.kefu.complaint.command.ComplaintIntake.Registered;
import com.kefu.complaint.query.ComplaintHistory;
import com.kefu.complaint.query.ComplaintQueries;
import com.kefu.complaint.query.ComplaintView;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.security.Roles;
import com.kefu.platform.web.NotFound;
import jakarta.validation.Valid;
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
import java.util.Objects;

@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

    private final ComplaintIntake intake;
    private final ComplaintQueries queries;
    private final ComplaintHistory history;

    ComplaintController(ComplaintIntake intake, ComplaintQueries queries, ComplaintHistory history) {
        this.intake = intake;
        this.queries = queries;
        this.history = history;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER')")
    ResponseEntity<Registered> register(@Valid @RequestBody RegisterComplaintRequest request,
                                        @RequestHeader(name = "Idempotency-Key", required = false)
                                        @Size(max = 100) String idempotencyKey) {
        Registered registered = intake.register(request.toNewComplaint(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/complaints/" + registered.id())).body(registered);
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasAnyRole('AFTER_SALES', 'CS_HEAD', 'SUPERVISOR', 'AUDITOR')")
    List<ComplaintHistory.Entry> history(@PathVariable String id) {
        List<ComplaintHistory.Entry> entries = history.of(id);
        if (entries.isEmpty()) {
            throw new NotFound("no complaint " + id);
        }
        return entries;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'SUPERVISOR', 'AUDITOR', "
            + "'DEPARTMENT')")
    ComplaintView get(@PathVariable String id) {
        CurrentUser user = CurrentUser.get();
        return queries.find(id)
                .filter(complaint -> !user.hasRole(Roles.DEPARTMENT)
                        || Objects.equals(complaint.department(), user.department()))
                .orElseThrow(() -> new NotFound("no complaint " + id));
    }
}
