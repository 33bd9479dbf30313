package com.kefu.complaint.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.event.CustomerContactRecordedEvent;
import com.kefu.complaint.command.Erasures;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.privacy.ClearContacts;
import com.kefu.platform.privacy.ClearContacts.Contact;
import com.kefu.platform.privacy.PersonalDataReads;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.time.MallTime;
import com.kefu.platform.web.ListExport;
import com.kefu.platform.web.Xlsx;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

import java.time.LocalDate;
import java.util.List;

/** A complaint's customer's personal data: read in clear with a reason (S1, S2), the reads, the erasure (S3). */
@RestController
@RequestMapping("/api/complaints")
class ComplaintPersonalDataController {

    private static final String COMPLAINT = "Complaint";

    private final ClearContacts contacts;
    private final PersonalDataReads reads;
    private final EventHistory history;
    private final Erasures erasures;
    private final MallTime mallTime;
    private final ObjectMapper json;

    ComplaintPersonalDataController(ClearContacts contacts, PersonalDataReads reads, EventHistory history,
                                    Erasures erasures, MallTime mallTime, ObjectMapper json) {
        this.contacts = contacts;
        this.reads = reads;
        this.history = history;
        this.erasures = erasures;
        this.mallTime = mallTime;
        this.json = json;
    }

    /**
     * The customer's name and phone in clear, for the call back (S1): only for after-sales and the head, only with a
     * reason, and every read is recorded before the answer (S2).
     */
    @Operation(summary = "Reads a complainant's name and phone in clear, with a reason (recorded)")
    @GetMapping("/{id}/contact")
    @PreAuthorize("hasAnyRole('AFTER_SALES', 'CS_HEAD')")
    Contact contact(@PathVariable String id, @RequestParam @NotBlank @Size(max = 200) String reason) {
        return contacts.read(COMPLAINT, id, (contact, event) ->
                event instanceof ComplaintReceivedEvent received
                        ? contact.withName(received.customer().name()).withPhone(received.customerPhone())
                        // registered before the contact was kept in the registration
                        : event instanceof CustomerContactRecordedEvent recorded ? contact.withPhone(recorded.phone())
                        : contact, "complaint", "customer contact", reason);
    }

    /** Who read which customer's contact in clear, when and why (S2): the last week by default. */
    @Operation(summary = "Lists who read which customer's contact in clear, when and why")
    @GetMapping("/contact-reads")
    @PreAuthorize("hasRole('AUDITOR')")
    List<PersonalDataReads.Read> contactReads(@RequestParam(required = false) LocalDate from,
                                              @RequestParam(required = false) LocalDate to,
                                              @RequestParam(required = false) @Size(max = 100) String complaint) {
        return contactReads(from, to, complaint, 1000);
    }

    /** The same reads (all of them, not the first 1,000) as CSV or XLSX by Accept ({@link ListExport}). */
    @Operation(summary = "Exports who read which customer's contact in clear (CSV or XLSX by Accept)")
    @GetMapping(value = "/contact-reads", produces = {"text/csv", Xlsx.MEDIA_TYPE})
    @PreAuthorize("hasRole('AUDITOR')")
    ResponseEntity<byte[]> exportContactReads(@RequestParam(required = false) LocalDate from,
                                              @RequestParam(required = false) LocalDate to,
                                              @RequestParam(required = false) @Size(max = 100) String complaint,
                                              @RequestHeader(HttpHeaders.ACCEPT) String accept) {
        return exportContactReads(ListExport.Format.accepted(accept), from, to, complaint);
    }

    /** The same reads in the format a link names: {@code ?format=json|csv|xlsx}. */
    @Operation(summary = "Lists or exports who read which customer's contact in clear, in the format named by the query")
    @GetMapping(value = "/contact-reads", params = "format")
    @PreAuthorize("hasRole('AUDITOR')")
    ResponseEntity<?> contactReadsInFormat(@RequestParam(required = false) LocalDate from,
                                           @RequestParam(required = false) LocalDate to,
                                           @RequestParam(required = false) @Size(max = 100) String complaint,
                                           @RequestParam String format) {
        ListExport.Format named = ListExport.Format.named(format);
        return named == null ? ResponseEntity.ok(contactReads(from, to, complaint))
                : exportContactReads(named, from, to, complaint);
    }

    private ResponseEntity<byte[]> exportContactReads(ListExport.Format format, LocalDate from, LocalDate to,
                                                      String complaint) {
        return ListExport.of(json, format, "complaint-contact-reads-" + mallTime.today(),
                PersonalDataReads.Read.class, contactReads(from, to, complaint, ListExport.MAX_ROWS + 1));
    }

    /** The last week by default. */
    private List<PersonalDataReads.Read> contactReads(LocalDate from, LocalDate to, String complaint, int limit) {
        LocalDate last = to != null ? to : mallTime.today();
        LocalDate first = from != null ? from : last.minusDays(7);
        return reads.between(mallTime.startOf(first), mallTime.endOf(last), complaint, limit);
    }

    record ErasureRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record Erased(String id, boolean erased) {
    }

    /** Erases the customer's personal data on their request (S3); the case and its history stay. */
    @Operation(summary = "Erases a complainant's personal data on their request")
    @PostMapping("/{id}/erasure")
    @PreAuthorize("hasAnyRole('CS_HEAD', 'ADMIN')")
    Erased erase(@PathVariable String id, @Valid @RequestBody ErasureRequest request) {
        if (history.of(COMPLAINT, id).isEmpty()) {
            throw new NotFound("no complaint " + id);
        }
        erasures.erase(Erasures.Record.COMPLAINT, id, request.reason());
        return new Erased(id, true);
    }
}
