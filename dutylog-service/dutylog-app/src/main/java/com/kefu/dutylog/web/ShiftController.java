package com.kefu.dutylog.web;

import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.HandoverItem;
import com.kefu.dutylog.api.Instruction;
import com.kefu.dutylog.api.OpenMatter;
import com.kefu.dutylog.api.Preparation;
import com.kefu.dutylog.command.DutyDays;
import com.kefu.dutylog.command.ShiftDesk;
import com.kefu.dutylog.command.ShiftDesk.OpenedShift;
import com.kefu.platform.axon.EventHistory;
import com.kefu.dutylog.query.ShiftQueries;
import com.kefu.dutylog.query.ShiftView;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.time.MallTime;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.kefu.dutylog.web.Access.READERS;
import static com.kefu.dutylog.web.Access.WRITERS;

/**
 * Shifts: pages of the duty log, their entries and corrections, their handover (D1–D3, D6–D8); what is written
 * into a day already signed enters its addendum (D12).
 */
@RestController
@RequestMapping("/api/shifts")
class ShiftController {

    private final ShiftDesk desk;
    private final ShiftQueries shifts;
    private final EventHistory history;
    private final MallTime mallTime;

    ShiftController(ShiftDesk desk, ShiftQueries shifts, EventHistory history, MallTime mallTime) {
        this.desk = desk;
        this.shifts = shifts;
        this.history = history;
        this.mallTime = mallTime;
    }

    record OpenShiftRequest(@NotBlank @Size(max = 60) String post) {
    }

    record RecordEntryRequest(@NotNull @PastOrPresent Instant occurredAt, @NotNull EntryCategory category,
                              @NotBlank @Size(max = 4000) String description, @Size(max = 4000) String handling,
                              @Size(max = 4000) String outcome) {
    }

    record CorrectionRequest(@NotBlank @Size(max = 4000) String description, @Size(max = 4000) String handling,
                             @Size(max = 4000) String outcome) {
    }

    record PreparationRequest(@NotNull Boolean recordsRead, @NotNull Boolean itemsCounted,
                              @NotNull Boolean equipmentChecked) {
    }

    record ItemRequest(@NotBlank @Size(max = 200) String name, @NotNull @Min(0) Integer quantity,
                       @NotNull Boolean checked) {
    }

    record OpenMatterRequest(@NotBlank @Size(max = 400) String subject, @Size(max = 4000) String cause,
                             @Size(max = 4000) String course, @Size(max = 4000) String result) {
    }

    record InstructionRequest(@Size(max = 100) String from, @NotBlank @Size(max = 4000) String text) {
    }

    /**
     * {@code incoming}: who takes over and signs (their user name); {@code substitute}: who takes over for an unfit
     * incoming; {@code lateReason}: why, when the handover is late against the post's shift time (D15).
     */
    record HandoverRequest(@NotBlank @Size(max = 60) String incoming, @NotNull Boolean incomingFit,
                           @Size(max = 60) String substitute, @NotNull @Valid PreparationRequest preparation,
                           @Size(max = 200) List<@Valid @NotNull ItemRequest> items,
                           @Size(max = 200) List<@Valid @NotNull OpenMatterRequest> openMatters,
                           @Size(max = 200) List<@Valid @NotNull InstructionRequest> instructions,
                           @Size(max = 4000) String lateReason) {
    }

    /** {@code lateReason}: the incoming person's, when they accept it late and the proposal gave none (D15). */
    record AcceptanceRequest(@Size(max = 4000) String lateReason) {
    }

    record RefusalRequest(@NotBlank @Size(max = 4000) String reason) {
    }

    /** The handover accepted: the shift handed over, and the next page of the post opened for the acceptor. */
    record Accepted(ShiftView handedOver, OpenedShift next) {
    }

    @Operation(summary = "Opens a shift")
    @PostMapping
    @PreAuthorize(WRITERS)
    ResponseEntity<OpenedShift> open(@Valid @RequestBody OpenShiftRequest request,
                                     @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                                     @Size(max = 100) String idempotencyKey) {
        OpenedShift shift = desk.open(request.post(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/shifts/" + shift.id())).body(shift);
    }

    @Operation(summary = "Shows the caller's open shift")
    @GetMapping("/current")
    @PreAuthorize(READERS)
    ShiftView current() {
        return shifts.currentShiftId().flatMap(shifts::find).orElseThrow(() -> new NotFound("no shift is open"));
    }

    @Operation(summary = "Shows a shift with its entries")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    ShiftView get(@PathVariable String id) {
        return shifts.find(id).orElseThrow(() -> new NotFound("no shift " + id));
    }

    /** The shift's page with its handover as a printable sheet, Chinese and Russian labels (D1, D6, D15). */
    @Operation(summary = "Prints a shift's page and its handover as a bilingual sheet")
    @GetMapping(value = "/{id}/handover-sheet", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize(READERS)
    ResponseEntity<String> handoverSheet(@PathVariable String id) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(HandoverSheetPage.render(get(id), mallTime.zone()));
    }

    @Operation(summary = "Lists a shift's events in order")
    @GetMapping("/{id}/history")
    @PreAuthorize(READERS)
    List<EventHistory.Entry> history(@PathVariable String id) {
        return history.of("Shift", id, () -> new NotFound("no shift " + id));
    }

    /** 201 with the entry; once the manager has signed its day, the entry is in the day's addendum (D12). */
    @Operation(summary = "Records an entry in a shift's log")
    @PostMapping("/{id}/entries")
    @PreAuthorize(WRITERS)
    ResponseEntity<Map<String, Object>> record(@PathVariable String id, @Valid @RequestBody RecordEntryRequest entry,
                                               @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                                               @Size(max = 100) String idempotencyKey) {
        DutyDays.Written written = desk.recordEntry(id, entry.occurredAt(), entry.category(), entry.description(),
                entry.handling(), entry.outcome(), idempotencyKey);
        return created(id, written, Map.of());
    }

    /** Where a new entry's Location points. There is no PUT or DELETE: entries are never edited or deleted (D3). */
    @Operation(summary = "Shows one entry of a shift's log")
    @GetMapping("/{id}/entries/{entryId}")
    @PreAuthorize(READERS)
    ShiftView.Entry entry(@PathVariable String id, @PathVariable String entryId) {
        return get(id).entries().stream().filter(entry -> entry.id().equals(entryId)).findFirst()
                      .orElseThrow(() -> new NotFound("no entry " + entryId + " in shift " + id));
    }

    @Operation(summary = "Corrects an entry of a shift's log")
    @PostMapping("/{id}/entries/{entryId}/corrections")
    @PreAuthorize(WRITERS)
    ResponseEntity<Map<String, Object>> correct(@PathVariable String id, @PathVariable String entryId,
                                                @Valid @RequestBody CorrectionRequest correction) {
        DutyDays.Written written = desk.correctEntry(id, entryId, correction.description(), correction.handling(),
                correction.outcome());
        return created(id, written, Map.of("corrects", entryId));
    }

    /** An entry on the page is found under the page; one in a signed day's addendum under the day (D12). */
    private static ResponseEntity<Map<String, Object>> created(String shiftId, DutyDays.Written written,
                                                               Map<String, Object> more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", written.entryId());
        body.putAll(more);
        body.put("dutyDay", written.dutyDay().toString());
        body.put("addendum", written.addendum());
        URI location = URI.create(written.addendum() == null
                ? "/api/shifts/" + shiftId + "/entries/" + written.entryId()
                : "/api/duty-days/" + written.dutyDay());
        return ResponseEntity.created(location).body(body);
    }

    /**
     * The outgoing person signs and proposes the handover to the incoming person (D6, D15): 200 with the shift, still
     * open with its {@code handoverProposal}; 409 {@code handover-refused} with every reason (D7), 409
     * {@code handover-late} when it is late against the post's shift time and no {@code lateReason} is given.
     */
    @Operation(summary = "Proposes the handover of a shift to the incoming person")
    @PostMapping("/{id}/handover")
    @PreAuthorize(WRITERS)
    ShiftView handOver(@PathVariable String id, @Valid @RequestBody HandoverRequest request) {
        PreparationRequest preparation = request.preparation();
        shifts.find(id).orElseThrow(() -> new NotFound("no shift " + id));
        desk.proposeHandover(id, request.incoming(), request.incomingFit(), request.substitute(),
                new Preparation(preparation.recordsRead(), preparation.itemsCounted(), preparation.equipmentChecked()),
                orEmpty(request.items()).stream()
                        .map(item -> new HandoverItem(item.name(), item.quantity(), item.checked())).toList(),
                orEmpty(request.openMatters()).stream()
                        .map(m -> new OpenMatter(m.subject(), m.cause(), m.course(), m.result())).toList(),
                orEmpty(request.instructions()).stream().map(i -> new Instruction(i.from(), i.text())).toList(),
                request.lateReason());
        return shifts.find(id).orElseThrow();
    }

    /**
     * The incoming person accepts the handover under their own sign-in (D15): the shift is handed over and closed,
     * and the next page of the post opens for them (201, {@code Location} the new page); 409
     * {@code handover-not-yours} for anyone else, {@code no-handover-proposed}, {@code handover-refused} while an
     * emergency is open (D7), {@code handover-late} when late and nobody said why.
     */
    @Operation(summary = "Accepts a shift's handover as the incoming person")
    @PostMapping("/{id}/handover/acceptance")
    @PreAuthorize(WRITERS)
    ResponseEntity<Accepted> accept(@PathVariable String id,
                                    @Valid @RequestBody(required = false) AcceptanceRequest request) {
        shifts.find(id).orElseThrow(() -> new NotFound("no shift " + id));
        OpenedShift next = desk.acceptHandover(id, request == null ? null : request.lateReason());
        return ResponseEntity.created(URI.create("/api/shifts/" + next.id()))
                .body(new Accepted(shifts.find(id).orElseThrow(), next));
    }

    /** The incoming person refuses the handover, naming why; the shift stays open with the outgoing person (D15). */
    @Operation(summary = "Refuses a shift's handover, naming why")
    @PostMapping("/{id}/handover/refusal")
    @PreAuthorize(WRITERS)
    ShiftView refuse(@PathVariable String id, @Valid @RequestBody RefusalRequest request) {
        shifts.find(id).orElseThrow(() -> new NotFound("no shift " + id));
        desk.declineHandover(id, request.reason());
        return shifts.find(id).orElseThrow();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
