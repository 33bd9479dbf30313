package com.kefu.dutylog.web;

import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.command.ShiftDesk;
import com.kefu.dutylog.command.ShiftDesk.OpenedShift;
import com.kefu.dutylog.query.ShiftQueries;
import com.kefu.dutylog.query.ShiftView;
import com.kefu.platform.web.NotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

@RestController
@RequestMapping("/api/shifts")
class ShiftController {

    private static final String WRITERS = "hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER')";
    private static final String READERS =
            "hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'SUPERVISOR', 'AUDITOR')";

    private final ShiftDesk desk;
    private final ShiftQueries shifts;

    ShiftController(ShiftDesk desk, ShiftQueries shifts) {
        this.desk = desk;
        this.shifts = shifts;
    }

    record OpenShiftRequest(@NotBlank @Size(max = 60) String post) {
    }

    record RecordEntryRequest(@NotNull @PastOrPresent Instant occurredAt, @NotNull EntryCategory category,
                              @NotBlank @Size(max = 4000) String description, @Size(max = 4000) String handling,
                              @Size(max = 4000) String outcome) {
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    ResponseEntity<OpenedShift> open(@Valid @RequestBody OpenShiftRequest request) {
        OpenedShift shift = desk.open(request.post());
        return ResponseEntity.created(URI.create("/api/shifts/" + shift.id())).body(shift);
    }

    @GetMapping("/current")
    @PreAuthorize(READERS)
    ShiftView current() {
        return shifts.currentShiftId().flatMap(shifts::find).orElseThrow(() -> new NotFound("no shift is open"));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    ShiftView get(@PathVariable String id) {
        return shifts.find(id).orElseThrow(() -> new NotFound("no shift " + id));
    }

    @PostMapping("/{id}/entries")
    @PreAuthorize(WRITERS)
    ResponseEntity<Map<String, String>> record(@PathVariable String id, @Valid @RequestBody RecordEntryRequest entry) {
        String entryId = desk.recordEntry(id, entry.occurredAt(), entry.category(), entry.description(),
                entry.handling(), entry.outcome());
        return ResponseEntity.created(URI.create("/api/shifts/" + id + "/entries/" + entryId))
                             .body(Map.of("id", entryId));
    }
}
