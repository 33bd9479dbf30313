package com.kefu.complaint.web;

import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.command.ComplaintIntake.Registered;
import com.kefu.complaint.command.ComplaintIntake;
import com.kefu.complaint.command.ComplaintStatus;
import com.kefu.complaint.command.CustomerContactRecordedEvent;
import com.kefu.complaint.command.Erasures;
import com.kefu.complaint.query.ComplaintQueries;
import com.kefu.complaint.query.ComplaintReplay;
import com.kefu.complaint.query.ComplaintView;
import com.kefu.complaint.query.HandlingForm;
import com.kefu.complaint.query.HandlingForms;
import com.kefu.complaint.query.MissedDeadlines;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.privacy.PersonalDataReads;
import com.kefu.platform.query.Page;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.security.Roles;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.time.MallTime;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

    /** The kind of record this controller serves: histories and forms of any other kind are 404 (S5). */
    private static final String COMPLAINT = "Complaint";

    private final ComplaintIntake intake;
    private final ComplaintQueries queries;
    private final EventHistory history;

    private final MallTime mallTime;
    private static final String FORM_READERS =
            "hasAnyRole('AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'SUPERVISOR', 'AUDITOR')";

    private final ComplaintReplay replay;
    private final HandlingForms forms;
    private final MissedDeadlines missed;
    private final PersonalDataReads reads;
    private final Erasures erasures;
    private final Clock clock;

    ComplaintController(ComplaintIntake intake, ComplaintQueries queries, EventHistory history,
                        MallTime mallTime, ComplaintReplay replay, HandlingForms forms,
                        MissedDeadlines missed, PersonalDataReads reads, Erasures erasures, Clock clock) {
        this.clock = clock;
        this.erasures = erasures;
        this.reads = reads;
        this.missed = missed;
        this.replay = replay;
        this.forms = forms;
        this.intake = intake;
        this.queries = queries;
        this.history = history;
        this.mallTime = mallTime;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER')")
    ResponseEntity<Registered> register(@Valid @RequestBody RegisterComplaintRequest request,
                                        @RequestHeader(name = "Idempotency-Key", required = false)
                                        @Size(max = 100) String idempotencyKey) {
        Registered registered = intake.register(request.toNewComplaint(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/complaints/" + registered.id())).body(registered);
    }

    /**
     * A page of complaints. A DEPARTMENT user sees only their own department's, whatever they ask for (S4).
     * {@code from}/{@code to} are days in the mall's time zone, both inclusive.
     */
    @GetMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'SUPERVISOR', 'AUDITOR', "
            + "'DEPARTMENT')")
    Page<ComplaintView> list(@RequestParam(required = false) ComplaintStatus status,
                               @RequestParam(required = false) @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String department,
                               @RequestParam(required = false) LocalDate from,
                               @RequestParam(required = false) LocalDate to,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        CurrentUser user = CurrentUser.get();
        String visibleDepartment = user.hasRole(Roles.DEPARTMENT) ? user.ownDepartment() : department;
        var filter = new ComplaintQueries.Filter(status == null ? null : status.name(), visibleDepartment,
                mallTime.startOf(from), mallTime.endOf(to));
        return queries.list(filter, page, size);
    }

    /**
     * The supervisor's inbox (C14): escalated MAJOR complaints not archived, those not yet acknowledged first. Live
     * in the gateway's stream {@code /api/streams/escalations}.
     */
    @GetMapping("/escalations")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CS_HEAD')")
    List<ComplaintView> escalations() {
        return queries.escalations(200);
    }

    @GetMapping(value = "/{id}/form", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(FORM_READERS)
    HandlingForm form(@PathVariable String id) {
        return forms.of(id).orElseThrow(() -> new NotFound("no complaint " + id));
    }

    /** The same form as a printable page with Chinese and Russian labels. */
    @GetMapping(value = "/{id}/form", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize(FORM_READERS)
    ResponseEntity<String> printableForm(@PathVariable String id) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(HandlingFormPage.render(form(id), mallTime.zone()));
    }

    /** Missed deadlines (C10) between two days of the mall's calendar, both inclusive; the last week by default. */
    @GetMapping("/missed-deadlines")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CS_HEAD', 'AUDITOR')")
    List<MissedDeadlines.Missed> missedDeadlines(@RequestParam(required = false) LocalDate from,
                                                 @RequestParam(required = false) LocalDate to) {
        LocalDate last = to != null ? to : mallTime.today();
        LocalDate first = from != null ? from : last.minusDays(7);
        return missed.between(mallTime.startOf(first), mallTime.endOf(last));
    }

    record Contact(String id, String name, String phone) {
    }

    /**
     * The customer's name and phone in clear, for the call back (S1): only for after-sales and the head, only with a
     * reason, and every read is recorded before the answer (S2).
     */
    @GetMapping("/{id}/contact")
    @PreAuthorize("hasAnyRole('AFTER_SALES', 'CS_HEAD')")
    Contact contact(@PathVariable String id, @RequestParam @NotBlank @Size(max = 200) String reason) {
        String name = null;
        String phone = null;
        for (Object event : history.payloads(COMPLAINT, id)) {
            if (event instanceof ComplaintReceivedEvent received) {
                name = received.customer().name();
            } else if (event instanceof CustomerContactRecordedEvent contact) {
                phone = contact.phone();
            }
        }
        if (name == null) {
            throw new NotFound("no complaint " + id);
        }
        reads.record(id, "customer contact", reason);
        return new Contact(id, name, phone);
    }

    /** Who read which customer's contact in clear, when and why (S2): the last week by default. */
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
    @PostMapping("/{id}/erasure")
    @PreAuthorize("hasAnyRole('CS_HEAD', 'ADMIN')")
    Erased erase(@PathVariable String id, @Valid @RequestBody ErasureRequest request) {
        if (history.of(COMPLAINT, id).isEmpty()) {
            throw new NotFound("no complaint " + id);
        }
        erasures.erase(Erasures.Record.COMPLAINT, id, request.reason());
        return new Erased(id, true);
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasAnyRole('AFTER_SALES', 'CS_HEAD', 'SUPERVISOR', 'AUDITOR')")
    List<EventHistory.Entry> history(@PathVariable String id) {
        return history.of(COMPLAINT, id, () -> new NotFound("no complaint " + id));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'SUPERVISOR', 'AUDITOR', "
            + "'DEPARTMENT')")
    ComplaintView get(@PathVariable String id, @RequestParam(required = false) Instant asOf) {
        CurrentUser user = CurrentUser.get();
        String own = user.hasRole(Roles.DEPARTMENT) ? user.ownDepartment() : null;
        return (asOf == null ? queries.find(id) : replay.asOf(id, asOf))
                .filter(complaint -> own == null || Objects.equals(complaint.department(), own))
                .orElseThrow(() -> new NotFound("no complaint " + id));
    }
}
