package com.kefu.dutylog.web;

import com.kefu.dutylog.command.ParcelDesk;
import com.kefu.dutylog.query.ParcelQueries;
import com.kefu.dutylog.query.ParcelView;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.rules.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

import static com.kefu.dutylog.web.Access.READERS;
import static com.kefu.dutylog.web.Access.WRITERS;

/** Customers' mail and parcels (D17, 篇2 G): received, stored, handed over against a signature, never opened. */
@RestController
@RequestMapping("/api/parcels")
@Validated
class ParcelController {

    /** What came, as the desk sees it from the outside. */
    enum Kind { LETTER, REGISTERED_LETTER, PARCEL, PRINTED_MATTER, OTHER }

    private final ParcelDesk desk;
    private final ParcelQueries parcels;
    private final EventHistory history;

    ParcelController(ParcelDesk desk, ParcelQueries parcels, EventHistory history) {
        this.desk = desk;
        this.parcels = parcels;
        this.history = history;
    }

    /**
     * {@code tenant}: the tenant or office it is for; {@code shop}: their shop or office number, if any;
     * {@code outside}: what it is as seen from the outside (sender, size, marks), never what is inside;
     * {@code deliveredBy}: the courier or postman; {@code storedAt}: where the desk keeps it.
     */
    record ReceiveRequest(@NotBlank @Size(max = 100) String tenant, @Size(max = 40) String shop,
                          @NotNull Kind kind, @NotBlank @Size(max = 1000) String outside,
                          @NotBlank @Size(max = 100) String deliveredBy, @NotBlank @Size(max = 200) String storedAt) {
    }

    record StoreRequest(@NotBlank @Size(max = 200) String storedAt) {
    }

    /**
     * {@code collectedBy}: who took it; {@code tenant}: for whom (must be the tenant it was received for);
     * {@code signature}: the identity shown or the signature given (e.g. "签名 / подпись, 工牌 A-301").
     */
    record HandOverRequest(@NotBlank @Size(max = 100) String collectedBy, @NotBlank @Size(max = 100) String tenant,
                           @NotBlank @Size(max = 200) String signature) {
    }

    @Operation(summary = "Receives mail or a parcel for a tenant")
    @PostMapping
    @PreAuthorize(WRITERS)
    ResponseEntity<ParcelView> receive(@Valid @RequestBody ReceiveRequest request,
                                       @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                                       @Size(max = 100) String idempotencyKey) {
        String id = desk.receive(request.tenant(), request.shop(), request.kind().name(), request.outside(),
                request.deliveredBy(), request.storedAt(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/parcels/" + id)).body(get(id));
    }

    /** What is still held, per tenant; one tenant's only when named. */
    @Operation(summary = "Lists the mail and parcels still held, per tenant")
    @GetMapping("/held")
    @PreAuthorize(READERS)
    List<ParcelQueries.Held> held(@RequestParam(required = false) @Size(max = 100) String tenant) {
        return parcels.held(tenant);
    }

    @Operation(summary = "Shows a parcel")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    ParcelView get(@PathVariable String id) {
        return parcels.find(id).orElseThrow(() -> new NotFound("no parcel " + id));
    }

    @Operation(summary = "Lists a parcel's events in order")
    @GetMapping("/{id}/history")
    @PreAuthorize(READERS)
    List<EventHistory.Entry> history(@PathVariable String id) {
        return history.of("Parcel", id, () -> new NotFound("no parcel " + id));
    }

    /** Moves a parcel still held to another place. */
    @Operation(summary = "Moves a held parcel to another place")
    @PostMapping("/{id}/storage")
    @PreAuthorize(WRITERS)
    ParcelView store(@PathVariable String id, @Valid @RequestBody StoreRequest request) {
        requireParcel(id);
        desk.store(id, request.storedAt());
        return get(id);
    }

    @Operation(summary = "Hands a parcel over against a signature")
    @PostMapping("/{id}/handover")
    @PreAuthorize(WRITERS)
    ParcelView handOver(@PathVariable String id, @Valid @RequestBody HandOverRequest request) {
        requireParcel(id);
        desk.handOver(id, request.tenant(), request.collectedBy(), request.signature());
        return get(id);
    }

    /** Before a command: an id of another kind of record is no parcel (S5). */
    private void requireParcel(String id) {
        if (!parcels.exists(id)) {
            throw new NotFound("no parcel " + id);
        }
    }
}
