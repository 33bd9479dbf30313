package com.kefu.complaint.web;

import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.event.CustomerContactRecordedEvent;
import com.kefu.complaint.command.Erasures;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.privacy.ClearContacts;
import com.kefu.platform.privacy.ClearContacts.Contact;
import com.kefu.platform.privacy.PersonalDataReads;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.time.MallTime;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    ComplaintPersonalDataController(ClearContacts contacts, PersonalDataReads reads, EventHistory history,
                                    Erasures erasures, MallTime mallTime) {
        this.contacts = contacts;
        this.reads = reads;
        this.history = history;
        this.erasures = erasures;
        this.mallTime = mallTime;
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
                event instanceof ComplaintReceivedEvent received ? contact.withName(received.customer().name())
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
        LocalDate last = to != null ? to : mallTime.today();
        LocalDate first = from != null ? from : last.minusDays(7);
        return reads.between(mallTime.startOf(first), mallTime.endOf(last),
                complaint, 1000);
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
