package com.kefu.complaint.web;

import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.EnquiryReceivedEvent;
import com.kefu.complaint.event.CustomerContactRecordedEvent;
import com.kefu.complaint.api.EnquiryStage;
import com.kefu.complaint.command.Enquiry;
import com.kefu.complaint.command.EnquiryDesk;
import com.kefu.complaint.command.EnquiryDesk.NewEnquiry;
import com.kefu.complaint.command.EnquiryDesk.Registered;
import com.kefu.complaint.command.Erasures;
import com.kefu.complaint.query.EnquiryQueries;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.axon.RecordsAsOf;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.privacy.ClearContacts;
import com.kefu.platform.privacy.ClearContacts.Contact;
import com.kefu.platform.query.Page;
import com.kefu.platform.rules.NotFound;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.platform.time.MallTime;
import com.kefu.platform.web.ListExport;
import com.kefu.platform.web.Xlsx;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Enquiries (C12): questions before, during and after a purchase, answered at the desk. */
@RestController
@RequestMapping("/api/enquiries")
class EnquiryController {

    private static final String ENQUIRY = "Enquiry";
    private static final String DESK = "hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER')";
    private static final String READERS =
            "hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'SUPERVISOR', 'AUDITOR')";

    private final EnquiryDesk desk;
    private final EventHistory history;
    private final EnquiryQueries enquiries;
    private final MallTime mallTime;
    private final Erasures erasures;
    private final ClearContacts contacts;
    private final RecordsAsOf records;
    private final ObjectMapper json;

    EnquiryController(EnquiryDesk desk, EventHistory history, EnquiryQueries enquiries, MallTime mallTime,
                      Erasures erasures, ClearContacts contacts, RecordsAsOf records, ObjectMapper json) {
        this.desk = desk;
        this.history = history;
        this.enquiries = enquiries;
        this.mallTime = mallTime;
        this.erasures = erasures;
        this.contacts = contacts;
        this.records = records;
        this.json = json;
    }

    record EnquiryRequest(@NotNull Channel channel, @NotNull EnquiryStage stage,
                          @NotBlank @Size(max = 100) String customerName,
                          @Pattern(regexp = "\\+?[0-9][0-9 -]{5,19}", message = "must be a phone number")
                          String customerPhone,
                          @NotBlank @Size(max = 4000) String question) {
    }

    record Answer(@NotBlank @Size(max = 4000) String answer) {
    }

    record StatusAnswer(String id, String status) {
    }

    /** The enquiry as the list holds it, and its events. */
    record EnquiryDetail(@JsonUnwrapped EnquiryQueries.EnquiryView enquiry, List<EventHistory.Entry> events) {
    }

    /** Registers once per {@code Idempotency-Key} (if given, API-IDEM): a retry answers the first registration. */
    @Operation(summary = "Registers an enquiry")
    @PostMapping
    @PreAuthorize(DESK)
    ResponseEntity<Registered> register(@Valid @RequestBody EnquiryRequest request,
                                        @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                                        @Size(max = 100) String idempotencyKey) {
        Registered registered = desk.register(new NewEnquiry(request.channel(), request.stage(),
                request.customerName(), request.customerPhone(), request.question()), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/enquiries/" + registered.id())).body(registered);
    }

    @Operation(summary = "Answers an enquiry")
    @PostMapping("/{id}/answer")
    @PreAuthorize(DESK)
    StatusAnswer answer(@PathVariable String id, @Valid @RequestBody Answer answer) {
        return new StatusAnswer(id, desk.answer(id, answer.answer()).name());
    }

    @Operation(summary = "Archives an enquiry")
    @PostMapping("/{id}/archive")
    @PreAuthorize(DESK)
    StatusAnswer archive(@PathVariable String id) {
        return new StatusAnswer(id, desk.archive(id).name());
    }

    /** A page of enquiries, newest first; {@code from}/{@code to} are days of the mall's calendar, inclusive. */
    @Operation(summary = "Lists enquiries, newest first")
    @GetMapping
    @PreAuthorize(READERS)
    Page<EnquiryQueries.EnquiryView> list(@RequestParam(required = false) Enquiry.Status status,
                                          @RequestParam(required = false) EnquiryStage stage,
                                          @RequestParam(required = false) LocalDate from,
                                          @RequestParam(required = false) LocalDate to,
                                          @RequestParam(defaultValue = "0") @Min(0) int page,
                                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return filtered(status, stage, from, to, page, size);
    }

    /** The whole filtered list (not a page) as CSV or XLSX by Accept ({@link ListExport}), columns as in the JSON. */
    @Operation(summary = "Exports the filtered enquiries (CSV or XLSX by Accept)")
    @GetMapping(produces = {"text/csv", Xlsx.MEDIA_TYPE})
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> export(@RequestParam(required = false) Enquiry.Status status,
                                  @RequestParam(required = false) EnquiryStage stage,
                                  @RequestParam(required = false) LocalDate from,
                                  @RequestParam(required = false) LocalDate to,
                                  @RequestHeader(HttpHeaders.ACCEPT) String accept) {
        return export(ListExport.Format.accepted(accept), status, stage, from, to);
    }

    /** The same list in the format a link names: {@code ?format=json|csv|xlsx} (json: the page asked for). */
    @Operation(summary = "Lists or exports the filtered enquiries in the format named by the query")
    @GetMapping(params = "format")
    @PreAuthorize(READERS)
    ResponseEntity<?> inFormat(@RequestParam(required = false) Enquiry.Status status,
                               @RequestParam(required = false) EnquiryStage stage,
                               @RequestParam(required = false) LocalDate from,
                               @RequestParam(required = false) LocalDate to,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                               @RequestParam String format) {
        ListExport.Format named = ListExport.Format.named(format);
        return named == null ? ResponseEntity.ok(filtered(status, stage, from, to, page, size))
                : export(named, status, stage, from, to);
    }

    private ResponseEntity<byte[]> export(ListExport.Format format, Enquiry.Status status, EnquiryStage stage,
                                          LocalDate from, LocalDate to) {
        Page<EnquiryQueries.EnquiryView> all = filtered(status, stage, from, to, 0, ListExport.MAX_ROWS);
        ListExport.checkBound(all.total());
        return ListExport.of(json, format, "enquiries-" + mallTime.today(), EnquiryQueries.EnquiryView.class,
                all.items());
    }

    private Page<EnquiryQueries.EnquiryView> filtered(Enquiry.Status status, EnquiryStage stage, LocalDate from,
                                                      LocalDate to, int page, int size) {
        return enquiries.list(new EnquiryQueries.Filter(status == null ? null : status.name(),
                stage == null ? null : stage.name(), mallTime.startOf(from),
                mallTime.endOf(to)), page, size);
    }

    /**
     * The customer's name and phone in clear, to call them back with the answer (C12, 前台 6): for the desk, only with
     * a reason, and every read is recorded before the answer (S2), listed at {@code /api/complaints/contact-reads}.
     */
    @Operation(summary = "Reads an enquirer's name and phone in clear, with a reason (recorded)")
    @GetMapping("/{id}/contact")
    @PreAuthorize(DESK)
    Contact contact(@PathVariable String id, @RequestParam @NotBlank @Size(max = 200) String reason) {
        return contacts.read("Enquiry", id, (contact, event) ->
                event instanceof EnquiryReceivedEvent received
                        ? contact.withName(received.customer().name()).withPhone(received.customerPhone())
                        // registered before the contact was kept in the registration
                        : event instanceof CustomerContactRecordedEvent recorded ? contact.withPhone(recorded.phone())
                        : contact, "enquiry", "enquiry customer contact", reason);
    }

    record ErasureRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** Erases the customer's personal data on their request (S3); the enquiry and its history stay. */
    @Operation(summary = "Erases an enquirer's personal data on their request")
    @PostMapping("/{id}/erasure")
    @PreAuthorize("hasAnyRole('CS_HEAD', 'ADMIN')")
    StatusAnswer erase(@PathVariable String id, @Valid @RequestBody ErasureRequest request) {
        List<EventHistory.Entry> events = history.of(ENQUIRY, id);
        if (events.isEmpty()) {
            throw new NotFound("no enquiry " + id);
        }
        erasures.erase(Erasures.Record.ENQUIRY, id, request.reason());
        return new StatusAnswer(id, "ERASED");
    }

    /** {@code asOf}: the enquiry as it was then, with its events up to then (A4). */
    @Operation(summary = "Shows an enquiry with its history, now or as it was at an instant")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    EnquiryDetail get(@PathVariable String id, @RequestParam(required = false) Instant asOf) {
        return records.read(ENQUIRY, id, asOf, enquiry -> detail(enquiry, history, enquiries))
                .orElseThrow(() -> new NotFound("no enquiry " + id));
    }

    @Operation(summary = "Lists an enquiry's events in order")
    @GetMapping("/{id}/history")
    @PreAuthorize(READERS)
    List<EventHistory.Entry> history(@PathVariable String id) {
        return history.of(ENQUIRY, id, () -> new NotFound("no enquiry " + id));
    }

    static Optional<EnquiryDetail> detail(String id, EventHistory history, EnquiryQueries enquiries) {
        List<EventHistory.Entry> events = history.of(ENQUIRY, id);
        // the list may not have caught up with an enquiry registered a moment ago: its events are the record
        return events.isEmpty() ? Optional.empty()
                : Optional.of(new EnquiryDetail(enquiries.find(id).orElse(null), events));
    }
}
