package com.kefu.complaint.web;

import com.kefu.complaint.command.Erasures;
import com.kefu.complaint.command.TenantContactDesk;
import com.kefu.complaint.command.TenantContactRequest;
import com.kefu.complaint.event.TenantContactRequestedEvent;
import com.kefu.complaint.query.TenantContacts;
import com.kefu.complaint.query.TenantContacts.TenantContactView;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.axon.RecordsAsOf;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.privacy.ClearContacts.Contact;
import com.kefu.platform.privacy.ClearContacts;
import com.kefu.platform.rules.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * "What is this tenant's number?" (办公大厦保密制度 4): the desk never tells; it records who asks and how to reach
 * them, and passes that to the tenant. No answer of this service holds a tenant's contact.
 */
@RestController
@RequestMapping("/api/enquiries/tenant-contacts")
class TenantContactController {

    private static final String TENANT_CONTACT = "TenantContactRequest";
    private static final String DESK = "hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER')";

    private final TenantContactDesk desk;
    private final TenantContacts contacts;
    private final ClearContacts clearContacts;
    private final Erasures erasures;
    private final EventHistory history;
    private final RecordsAsOf records;

    TenantContactController(TenantContactDesk desk, TenantContacts contacts, ClearContacts clearContacts,
                            Erasures erasures, EventHistory history, RecordsAsOf records) {
        this.desk = desk;
        this.contacts = contacts;
        this.clearContacts = clearContacts;
        this.erasures = erasures;
        this.history = history;
        this.records = records;
    }

    record Request(@NotBlank @Size(max = 100) String tenant, @NotBlank @Size(max = 100) String enquirerName,
                   @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 -]{5,19}", message = "must be a phone number")
                   String enquirerPhone,
                   @NotBlank @Size(max = 1000) String purpose) {
    }

    record Notified(@NotBlank @Size(max = 200) String how, @Size(max = 1000) String tenantResponse) {
    }

    record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    record Answer(String id, TenantContactRequest.Status status) {
    }

    @Operation(summary = "Asks for a tenant to be given an enquirer's contact")
    @PostMapping
    @PreAuthorize(DESK)
    ResponseEntity<Answer> request(@Valid @RequestBody Request request,
                                   @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                                   @Size(max = 100) String idempotencyKey) {
        String id = desk.request(request.tenant(), request.enquirerName(), request.enquirerPhone(),
                request.purpose(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/enquiries/tenant-contacts/" + id))
                .body(new Answer(id, TenantContactRequest.Status.REQUESTED));
    }

    @Operation(summary = "Lists tenant contact requests")
    @GetMapping
    @PreAuthorize(DESK + " or hasAnyRole('SUPERVISOR', 'AUDITOR')")
    List<TenantContactView> list(@RequestParam(required = false) TenantContactRequest.Status status,
                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return contacts.list(status == null ? null : status.name(), page, size);
    }

    /** {@code asOf}: the request as it was then (A4; its neighbours as they are now). */
    @Operation(summary = "Shows a tenant contact request, now or as it was at an instant")
    @GetMapping("/{id}")
    @PreAuthorize(DESK + " or hasAnyRole('SUPERVISOR', 'AUDITOR')")
    TenantContactView get(@PathVariable String id, @RequestParam(required = false) Instant asOf) {
        return records.read(TENANT_CONTACT, id, asOf, contacts::find)
                .orElseThrow(() -> new NotFound("no tenant contact request " + id));
    }

    @Operation(summary = "Lists a tenant contact request's events in order")
    @GetMapping("/{id}/history")
    @PreAuthorize(DESK + " or hasAnyRole('SUPERVISOR', 'AUDITOR')")
    List<EventHistory.Entry> history(@PathVariable String id) {
        return history.of(TENANT_CONTACT, id, () -> new NotFound("no tenant contact request " + id));
    }

    /** The tenant was told (by phone, in person…) who asked and how to reach them. */
    @Operation(summary = "Records that the tenant was told who asked")
    @PostMapping("/{id}/notified")
    @PreAuthorize(DESK)
    Answer notified(@PathVariable String id, @Valid @RequestBody Notified notified) {
        return new Answer(id, desk.notified(id, notified.how(), notified.tenantResponse()));
    }

    /** The enquirer's contact in clear, to pass to the tenant: with a reason, recorded (S2). */
    @Operation(summary = "Reads the enquirer's contact in clear for the tenant, with a reason (recorded)")
    @GetMapping("/{id}/contact")
    @PreAuthorize(DESK)
    Contact contact(@PathVariable String id, @RequestParam @NotBlank @Size(max = 200) String reason) {
        return clearContacts.read("TenantContactRequest", id, (contact, event) ->
                event instanceof TenantContactRequestedEvent requested
                        ? contact.withName(requested.enquirerName()).withPhone(requested.enquirerPhone())
                        : contact, "tenant contact request", "enquirer contact", reason);
    }

    @Operation(summary = "Erases an enquirer's contact on their request")
    @PostMapping("/{id}/erasure")
    @PreAuthorize("hasAnyRole('CS_HEAD', 'ADMIN')")
    Answer erase(@PathVariable String id, @Valid @RequestBody Reason reason) {
        TenantContactView request = get(id, null);
        erasures.erase(Erasures.Record.TENANT_CONTACT, id, reason.reason());
        return new Answer(id, TenantContactRequest.Status.valueOf(request.status()));
    }
}
