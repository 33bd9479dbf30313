package com.kefu.dutylog.web;

import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.rules.InvalidRequest;
import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.FireDetails;
import com.kefu.dutylog.api.IncidentKind;
import com.kefu.dutylog.command.IncidentDesk;
import com.kefu.dutylog.command.UnsupportedPhoto;
import com.kefu.dutylog.api.FireStep;
import com.kefu.platform.axon.EventHistory;
import com.kefu.dutylog.query.IncidentQueries;
import com.kefu.dutylog.query.IncidentView;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.time.MallTime;
import com.kefu.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static com.kefu.dutylog.web.Access.NOTIFIED;
import static com.kefu.dutylog.web.Access.READERS;
import static com.kefu.dutylog.web.Access.WRITERS;

/**
 * Emergency incident forms with their photos (D4); fires (D10) and their checklist (D13); never refused (D12); a guest
 * taken ill or drunk, or an accident, told at once to the CS manager and the CS head, who acknowledge it (D14).
 */
@RestController
@RequestMapping("/api/incidents")
class IncidentController {

    private final IncidentDesk desk;
    private final IncidentQueries incidents;
    private final EventHistory history;
    private final MallTime mallTime;

    IncidentController(IncidentDesk desk, IncidentQueries incidents, EventHistory history, MallTime mallTime) {
        this.desk = desk;
        this.incidents = incidents;
        this.history = history;
        this.mallTime = mallTime;
    }

    /**
     * 篇2 T1: where the fire is, what burns, flames, smoke; {@code heading}: where the reporter is heading (去向,
     * D13), asked for but not required: a fire is never refused for a missing answer (D12).
     */
    record FireRequest(@NotBlank @Size(max = 200) String fireLocation, @NotBlank @Size(max = 200) String burning,
                       @NotNull Boolean flame, @NotNull Boolean smoke, @Size(max = 200) String heading) {
    }

    record StepDoneRequest(@Size(max = 4000) String note) {
    }

    record StepNotNeededRequest(@NotBlank @Size(max = 4000) String reason) {
    }

    /**
     * {@code shiftId}: the page the desk writes on, if any (an emergency needs no open shift, D12); {@code reporter}:
     * who reports; {@code location}: where they are (or where it happens); {@code occurredAt}: when it happened, now
     * if not given; {@code fire}: required for a FIRE; {@code kind}: who it befell, for a guest taken ill or drunk or
     * an accident to a guest or to staff (D14), whose category is OTHER unless another is given.
     */
    record ReportRequest(@Size(max = 36) String shiftId, EntryCategory category, IncidentKind kind,
                         @NotBlank @Size(max = 200) String location, @NotBlank @Size(max = 4000) String description,
                         @NotBlank @Size(max = 100) String reporter, Boolean major, @Valid FireRequest fire,
                         @PastOrPresent Instant occurredAt) {
    }

    record ResolveRequest(@NotBlank @Size(max = 4000) String outcome) {
    }

    /**
     * Never refused for the day, the hour or the shift (D12): 201 with where its entry went ({@code shiftId},
     * {@code dutyDay}, {@code addendum} once the day is signed, {@code waiting} while no shift is open).
     */
    @Operation(summary = "Reports an incident")
    @PostMapping
    @PreAuthorize(WRITERS)
    ResponseEntity<IncidentDesk.Reported> report(@Valid @RequestBody ReportRequest request,
                                                 @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                                                 @Size(max = 100) String idempotencyKey) {
        if (request.category() == null && request.kind() == null) {
            throw new InvalidRequest("category: an incident has a category, or a kind (GUEST_ILL, "
                    + "GUEST_DRUNK, GUEST_ACCIDENT, STAFF_ACCIDENT) whose category is OTHER (D2, D14)");
        }
        EntryCategory category = request.category() == null ? EntryCategory.OTHER : request.category();
        if (category == EntryCategory.FIRE && request.fire() == null) {
            throw new InvalidRequest(
                    "fire: a fire is reported with where it burns and what "
                            + "(fireLocation, burning, flame, smoke) (D10)");
        }
        FireRequest fire = request.fire();
        String shiftId = request.shiftId() == null || request.shiftId().isBlank() ? null : request.shiftId();
        IncidentDesk.Reported reported = desk.report(shiftId, category,
                Boolean.TRUE.equals(request.major()), request.reporter(), request.location(), request.description(),
                fire == null ? null : new FireDetails(fire.fireLocation(), fire.burning(), fire.flame(), fire.smoke()),
                fire == null ? null : fire.heading(), request.kind(), request.occurredAt(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/incidents/" + reported.id())).body(reported);
    }

    @Operation(summary = "Shows an incident")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    IncidentView get(@PathVariable String id) {
        return incidents.find(id).orElseThrow(() -> new NotFound("no incident " + id));
    }

    /** The emergency incident form with its photos as a printable page, Chinese and Russian labels (D4, D15). */
    @Operation(summary = "Prints an incident's emergency incident form with its photos, bilingual")
    @GetMapping(value = "/{id}/incident-form", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize(READERS)
    ResponseEntity<String> incidentForm(@PathVariable String id) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(IncidentFormPage.render(get(id), mallTime.zone(), photo -> incidents.photo(id, photo)
                        .orElseThrow(() -> new NotFound("no photo " + photo + " of incident " + id)).data()));
    }

    @Operation(summary = "Lists an incident's events in order")
    @GetMapping("/{id}/history")
    @PreAuthorize(READERS)
    List<EventHistory.Entry> history(@PathVariable String id) {
        return history.of("Incident", id, () -> new NotFound("no incident " + id));
    }

    @Operation(summary = "Attaches a photo to an incident")
    @PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(WRITERS)
    ResponseEntity<IncidentView.Photo> attachPhoto(@PathVariable String id, @RequestPart("file") MultipartFile file)
            throws IOException {
        incidents.find(id).orElseThrow(() -> new NotFound("no incident " + id));
        String photoId = desk.attachPhoto(id, file.getBytes());
        IncidentView.Photo photo = incidents.find(id).orElseThrow().photos().stream()
                .filter(p -> p.id().equals(photoId)).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create(photo.href())).body(photo);
    }

    /** A photo that is not an image by its bytes, whatever it was declared as. */
    @ExceptionHandler(UnsupportedPhoto.class)
    ProblemDetail unsupportedPhoto(UnsupportedPhoto unsupported) {
        return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-photo", unsupported.getMessage());
    }

    @Operation(summary = "Downloads an incident's photo")
    @GetMapping("/{id}/photos/{photoId}")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> photo(@PathVariable String id, @PathVariable String photoId) {
        IncidentQueries.PhotoContent photo = incidents.photo(id, photoId)
                .orElseThrow(() -> new NotFound("no photo " + photoId + " of incident " + id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .eTag("\"" + photo.sha256() + "\"")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                        .encodeToString(HexFormat.of().parseHex(photo.sha256())) + ":")
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache())
                .body(photo.data());
    }

    /** A step of a fire's checklist done, by the caller, now (D13); 409 if done or marked before, or resolved. */
    @Operation(summary = "Ticks a step of a fire's checklist as done")
    @PostMapping("/{id}/fire-steps/{step}")
    @PreAuthorize(WRITERS)
    IncidentView tickFireStep(@PathVariable String id, @PathVariable FireStep step,
                              @Valid @RequestBody(required = false) StepDoneRequest request) {
        incidents.find(id).orElseThrow(() -> new NotFound("no incident " + id));
        desk.tickFireStep(id, step, request == null ? null : request.note());
        return incidents.find(id).orElseThrow();
    }

    /** A step of a fire's checklist not needed, with the reason (D13). */
    @Operation(summary = "Marks a step of a fire's checklist as not needed, with the reason")
    @PostMapping("/{id}/fire-steps/{step}/not-needed")
    @PreAuthorize(WRITERS)
    IncidentView markFireStepNotNeeded(@PathVariable String id, @PathVariable FireStep step,
                                       @Valid @RequestBody StepNotNeededRequest request) {
        incidents.find(id).orElseThrow(() -> new NotFound("no incident " + id));
        desk.markFireStepNotNeeded(id, step, request.reason());
        return incidents.find(id).orElseThrow();
    }

    /**
     * The caller, CS manager or CS head, has been told of the incident: its notice names who and when, for each of
     * the caller's roles still to be told (D14); 409 {@code notice-acknowledged} when every one has been, 409
     * {@code no-notice} for an incident of no kind.
     */
    @Operation(summary = "Acknowledges that the caller has been told of an incident")
    @PostMapping("/{id}/notice/acknowledgement")
    @PreAuthorize(NOTIFIED)
    IncidentView acknowledgeNotice(@PathVariable String id) {
        incidents.find(id).orElseThrow(() -> new NotFound("no incident " + id));
        desk.acknowledgeNotice(id);
        return incidents.find(id).orElseThrow();
    }

    /** 409 while a major incident has no photo (D4) or a fire's checklist has an open step (D13). */
    @Operation(summary = "Resolves an incident")
    @PostMapping("/{id}/resolve")
    @PreAuthorize(WRITERS)
    IncidentView resolve(@PathVariable String id, @Valid @RequestBody ResolveRequest request) {
        desk.resolve(id, request.outcome());
        return incidents.find(id).orElseThrow(() -> new NotFound("no incident " + id));
    }
}
