package com.kefu.dutylog.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.dutylog.command.LostAndFound;
import com.kefu.dutylog.command.LostItem;
import com.kefu.dutylog.event.LostItemReturnedEvent;
import com.kefu.dutylog.query.LostItemQueries;
import com.kefu.dutylog.query.LostItemSummary;
import com.kefu.dutylog.query.LostItemView;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.privacy.PersonalDataKeys;
import com.kefu.platform.privacy.PersonalDataReads;
import com.kefu.platform.query.Page;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.time.MallTime;
import com.kefu.platform.web.ListExport;
import com.kefu.platform.web.Xlsx;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.kefu.dutylog.web.Access.READERS;
import static com.kefu.dutylog.web.Access.WRITERS;

/** Lost and found (D9): registered, stored, handed back against identification, disposed of when unclaimed. */
@RestController
@RequestMapping("/api/lost-items")
class LostItemController {

    private final LostAndFound lostAndFound;
    private final LostItemQueries items;
    private final EventHistory history;

    private final PersonalDataKeys keys;
    private final MallTime mallTime;
    private final PersonalDataReads reads;
    private final Clock clock;
    private final ObjectMapper json;

    LostItemController(LostAndFound lostAndFound, LostItemQueries items, EventHistory history,
                       PersonalDataKeys keys, MallTime mallTime, PersonalDataReads reads, Clock clock,
                       ObjectMapper json) {
        this.reads = reads;
        this.clock = clock;
        this.keys = keys;
        this.lostAndFound = lostAndFound;
        this.items = items;
        this.history = history;
        this.mallTime = mallTime;
        this.json = json;
    }

    /** {@code handedTo}: the supervisor the finder handed it to; {@code storedAt}: where it is kept. */
    record RegisterRequest(@NotBlank @Size(max = 4000) String description, @NotBlank @Size(max = 100) String foundBy,
                           @NotNull @PastOrPresent Instant foundAt, @NotBlank @Size(max = 200) String foundWhere,
                           @NotBlank @Size(max = 100) String handedTo, @NotBlank @Size(max = 200) String storedAt) {
    }

    /** {@code identityDocument}: which document was shown (e.g. "身份证 / паспорт"), not its number. */
    record ClaimRequest(@NotBlank @Size(max = 100) String claimant, @NotNull Boolean identityChecked,
                        @Size(max = 100) String identityDocument) {
    }

    @Operation(summary = "Registers a found item")
    @PostMapping
    @PreAuthorize(WRITERS)
    ResponseEntity<LostItemView> register(@Valid @RequestBody RegisterRequest request,
                                          @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                                          @Size(max = 100) String idempotencyKey) {
        String id = lostAndFound.register(request.description(), request.foundBy(), request.foundAt(),
                request.foundWhere(), request.handedTo(), request.storedAt(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/lost-items/" + id)).body(get(id));
    }

    /**
     * A page of the lost items, the most recently found first, none of them naming its claimant (who took an item
     * back shows in its own chain of custody only). {@code custody}: STORED, RETURNED or DISPOSED, any when not
     * given; {@code from}/{@code to}: days the items were found on, in the mall's time zone, both inclusive.
     */
    @Operation(summary = "Lists lost items, the most recently found first")
    @GetMapping
    @PreAuthorize(READERS)
    Page<LostItemSummary> list(@RequestParam(required = false) LostItem.Custody custody,
                               @RequestParam(required = false) LocalDate from,
                               @RequestParam(required = false) LocalDate to,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return items.list(new LostItemQueries.Filter(custody == null ? null : custody.name(),
                mallTime.startOf(from), mallTime.endOf(to)), page, size);
    }

    @Operation(summary = "Shows a lost item")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    LostItemView get(@PathVariable String id) {
        return items.find(id).orElseThrow(() -> new NotFound("no lost item " + id));
    }

    @Operation(summary = "Lists a lost item's chain of custody")
    @GetMapping("/{id}/history")
    @PreAuthorize(READERS)
    List<EventHistory.Entry> history(@PathVariable String id) {
        return history.of("LostItem", id, () -> new NotFound("no lost item " + id));
    }

    record Claimant(String id, String claimant, String identityDocument) {
    }

    /**
     * Who took the item back, and the document they showed, in clear (PD2): when the hand-back is questioned (the
     * owner turns up after it), for the supervisor the item was handed to (篇2 S, D9) and the head of customer
     * service (the final ruling on disputes); only with a reason, and every read is recorded before the answer (S2).
     */
    @Operation(summary = "Reads who took a lost item back, in clear, with a reason (recorded)")
    @GetMapping("/{id}/claimant")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CS_HEAD')")
    Claimant claimant(@PathVariable String id, @RequestParam @NotBlank @Size(max = 200) String reason) {
        LostItemReturnedEvent returned = history.payloads("LostItem", id).stream()
                .filter(LostItemReturnedEvent.class::isInstance).map(LostItemReturnedEvent.class::cast)
                .reduce((first, last) -> last)
                .orElseThrow(() -> new NotFound("no lost item " + id + " handed back"));
        reads.record(id, "lost item claimant", reason);
        return new Claimant(id, returned.claimant(), returned.identityDocument());
    }

    /** Who read which claimant in clear, when and why (S2), newest first. */
    @Operation(summary = "Lists who read which claimant in clear, when and why")
    @GetMapping("/contact-reads")
    @PreAuthorize("hasRole('AUDITOR')")
    List<PersonalDataReads.Read> contactReads(@RequestParam(required = false) @Size(max = 36) String item) {
        return reads.between(Instant.EPOCH, clock.instant().plusSeconds(60), item, 1000);
    }

    /** The same reads (all of them, not the first 1,000) as CSV or XLSX by Accept ({@link ListExport}). */
    @Operation(summary = "Exports who read which claimant in clear (CSV or XLSX by Accept)")
    @GetMapping(value = "/contact-reads", produces = {"text/csv", Xlsx.MEDIA_TYPE})
    @PreAuthorize("hasRole('AUDITOR')")
    ResponseEntity<byte[]> exportContactReads(@RequestParam(required = false) @Size(max = 36) String item,
                                              @RequestHeader(HttpHeaders.ACCEPT) String accept) {
        return exportContactReads(ListExport.Format.accepted(accept), item);
    }

    /** The same reads in the format a link names: {@code ?format=json|csv|xlsx}. */
    @Operation(summary = "Lists or exports who read which claimant in clear, in the format named by the query")
    @GetMapping(value = "/contact-reads", params = "format")
    @PreAuthorize("hasRole('AUDITOR')")
    ResponseEntity<?> contactReadsInFormat(@RequestParam(required = false) @Size(max = 36) String item,
                                           @RequestParam String format) {
        ListExport.Format named = ListExport.Format.named(format);
        return named == null ? ResponseEntity.ok(contactReads(item)) : exportContactReads(named, item);
    }

    private ResponseEntity<byte[]> exportContactReads(ListExport.Format format, String item) {
        return ListExport.of(json, format, "claimant-reads", PersonalDataReads.Read.class,
                reads.between(Instant.EPOCH, clock.instant().plusSeconds(60), item, ListExport.MAX_ROWS + 1));
    }

    record ErasureRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /**
     * Erases the claimant's name and document on their request (S3): the key of the item's personal data is
     * deleted, so the chain of custody shows them as erased; the item's own record stays.
     */
    @Operation(summary = "Erases a claimant's name and document on their request")
    @PostMapping("/{id}/erasure")
    @PreAuthorize("hasAnyRole('CS_HEAD', 'ADMIN')")
    LostItemView erase(@PathVariable String id, @Valid @RequestBody ErasureRequest request) {
        get(id);
        keys.erase(id, CurrentUser.get().username(), request.reason());
        return get(id);
    }

    @Operation(summary = "Hands a lost item back to its owner")
    @PostMapping("/{id}/claim")
    @PreAuthorize(WRITERS)
    LostItemView claim(@PathVariable String id, @Valid @RequestBody ClaimRequest request) {
        lostAndFound.handBack(id, request.claimant(), request.identityChecked(), request.identityDocument());
        return get(id);
    }
}
