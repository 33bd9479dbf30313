package com.kefu.membership.web;

import com.kefu.membership.api.ServiceRequestKind;
import com.kefu.membership.command.ServiceDesk;
import com.kefu.membership.command.ServiceDesk.Ticket;
import com.kefu.membership.command.ServiceRequest;
import com.kefu.membership.query.MemberQueries;
import com.kefu.membership.query.MemberQueries.ServiceRequestView;
import com.kefu.membership.query.MemberView;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.axon.RecordsAsOf;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.time.MallTime;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Front-desk services for members (M5): returns, exchanges, invoices, storage, pre-orders, group purchases. */
@RestController
@RequestMapping("/api/service-requests")
class ServiceRequestController {

    private static final String SERVICE_REQUEST = "ServiceRequest";
    private static final String DESK = "hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER')";

    private final ServiceDesk desk;
    private final MemberQueries queries;
    private final MallTime mallTime;
    private final EventHistory history;
    private final RecordsAsOf records;

    ServiceRequestController(ServiceDesk desk, MemberQueries queries, MallTime mallTime, EventHistory history,
                             RecordsAsOf records) {
        this.desk = desk;
        this.queries = queries;
        this.mallTime = mallTime;
        this.history = history;
        this.records = records;
    }

    /** @param memberId optional: a customer who is not a member is served too */
    record NewRequest(@Size(max = 36) String memberId, @NotNull ServiceRequestKind kind,
                      @NotBlank @Size(max = 2000) String details) {
    }

    record Note(@Size(max = 1000) String note) {
    }

    record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    record StatusAnswer(String id, ServiceRequest.Status status) {
    }

    @Operation(summary = "Registers a member's service request")
    @PostMapping
    @PreAuthorize(DESK)
    ResponseEntity<Ticket> register(@Valid @RequestBody NewRequest request,
                                    @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                                    @Size(max = 100) String idempotencyKey) {
        Ticket ticket = desk.registerRequest(request.kind(), request.memberId(), request.details(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/service-requests/" + ticket.id())).body(ticket);
    }

    @Operation(summary = "Lists service requests")
    @GetMapping
    @PreAuthorize(DESK + " or hasRole('AUDITOR')")
    List<ServiceRequestView> list(@RequestParam(required = false) ServiceRequestKind kind,
                                  @RequestParam(required = false) ServiceRequest.Status status,
                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.serviceRequests(kind, status == null ? null : status.name(), page, size);
    }

    /** {@code asOf}: the request as it was then (A4; its neighbours as they are now). */
    @Operation(summary = "Shows a service request, now or as it was at an instant")
    @GetMapping("/{id}")
    @PreAuthorize(DESK + " or hasRole('AUDITOR')")
    ServiceRequestView get(@PathVariable String id, @RequestParam(required = false) Instant asOf) {
        return records.read(SERVICE_REQUEST, id, asOf, queries::serviceRequest)
                .orElseThrow(() -> new NotFound("no service request " + id));
    }

    @Operation(summary = "Lists a service request's events in order")
    @GetMapping("/{id}/history")
    @PreAuthorize(DESK + " or hasRole('AUDITOR')")
    List<EventHistory.Entry> history(@PathVariable String id) {
        return history.of(SERVICE_REQUEST, id, () -> new NotFound("no service request " + id));
    }

    /** The ticket as a printable slip, Chinese and Russian labels: for storage, what the customer keeps (M5). */
    @Operation(summary = "Prints a service request's ticket (the storage ticket for storage), bilingual")
    @GetMapping(value = "/{id}/ticket", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize(DESK + " or hasRole('AUDITOR')")
    ResponseEntity<String> ticket(@PathVariable String id) {
        ServiceRequestView request = get(id, null);
        String card = request.memberId() == null ? null
                : queries.find(request.memberId()).map(MemberView::cardNumber).orElse(null);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(ServiceTicketPage.render(request, card, mallTime.zone()));
    }

    /** Done: for storage, the item was collected (once). */
    @Operation(summary = "Completes a service request")
    @PostMapping("/{id}/complete")
    @PreAuthorize(DESK)
    StatusAnswer complete(@PathVariable String id, @Valid @RequestBody(required = false) Note note) {
        return new StatusAnswer(id, desk.complete(id, note == null ? null : note.note()));
    }

    @Operation(summary = "Cancels a service request")
    @PostMapping("/{id}/cancel")
    @PreAuthorize(DESK)
    StatusAnswer cancel(@PathVariable String id, @Valid @RequestBody Reason reason) {
        return new StatusAnswer(id, desk.cancel(id, reason.reason()));
    }
}
