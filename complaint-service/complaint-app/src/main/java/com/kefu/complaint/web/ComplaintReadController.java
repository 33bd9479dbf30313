package com.kefu.complaint.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.complaint.command.ComplaintStatus;
import com.kefu.complaint.query.ComplaintQueries;
import com.kefu.complaint.query.ComplaintView;
import com.kefu.complaint.query.HandlingForm;
import com.kefu.complaint.query.HandlingForms;
import com.kefu.complaint.query.MissedDeadlines;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.axon.RecordsAsOf;
import com.kefu.platform.query.Page;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.security.Roles;
import com.kefu.platform.time.MallTime;
import com.kefu.platform.web.ListExport;
import com.kefu.platform.web.Xlsx;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Reads of complaints: the list, one complaint (also as it was), its history, its handling form, missed deadlines. */
@RestController
@RequestMapping("/api/complaints")
class ComplaintReadController {

    /** The kind of record this controller serves: histories of any other kind are 404 (S5). */
    private static final String COMPLAINT = "Complaint";
    private static final String LIST_READERS = "hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', "
            + "'SUPERVISOR', 'AUDITOR', 'DEPARTMENT')";
    private static final String FORM_READERS =
            "hasAnyRole('AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'SUPERVISOR', 'AUDITOR')";

    private final ComplaintQueries queries;
    private final RecordsAsOf records;
    private final EventHistory history;
    private final HandlingForms forms;
    private final MissedDeadlines missed;
    private final MallTime mallTime;
    private final ObjectMapper json;

    ComplaintReadController(ComplaintQueries queries, RecordsAsOf records, EventHistory history,
                            HandlingForms forms, MissedDeadlines missed, MallTime mallTime, ObjectMapper json) {
        this.queries = queries;
        this.records = records;
        this.history = history;
        this.forms = forms;
        this.missed = missed;
        this.mallTime = mallTime;
        this.json = json;
    }

    /**
     * A page of complaints. A DEPARTMENT user sees only their own department's, whatever they ask for (S4).
     * {@code from}/{@code to} are days in the mall's time zone, both inclusive. {@code sort}: {@code receivedAt}
     * (newest first, the default) or {@code dueAt} (the current stage due soonest first, overdue ones at the top,
     * archived ones last; C17).
     */
    @Operation(summary = "Lists complaints (a department sees its own only), newest first or by when they are due")
    @GetMapping
    @PreAuthorize(LIST_READERS)
    Page<ComplaintView> list(@RequestParam(required = false) ComplaintStatus status,
                               @RequestParam(required = false) @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String department,
                               @RequestParam(required = false) LocalDate from,
                               @RequestParam(required = false) LocalDate to,
                               @RequestParam(defaultValue = "receivedAt") @Pattern(regexp = "receivedAt|dueAt",
                                       message = "is receivedAt or dueAt") String sort,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return filtered(status, department, from, to, sort, page, size);
    }

    /** The whole filtered list (not a page) as CSV or XLSX by Accept ({@link ListExport}), columns as in the JSON. */
    @Operation(summary = "Exports the filtered complaints (CSV or XLSX by Accept)")
    @GetMapping(produces = {"text/csv", Xlsx.MEDIA_TYPE})
    @PreAuthorize(LIST_READERS)
    ResponseEntity<byte[]> export(@RequestParam(required = false) ComplaintStatus status,
                                  @RequestParam(required = false) @Pattern(regexp = "[a-z][a-z0-9-]{1,39}")
                                  String department,
                                  @RequestParam(required = false) LocalDate from,
                                  @RequestParam(required = false) LocalDate to,
                                  @RequestParam(defaultValue = "receivedAt") @Pattern(regexp = "receivedAt|dueAt",
                                          message = "is receivedAt or dueAt") String sort,
                                  @RequestHeader(HttpHeaders.ACCEPT) String accept) {
        return export(ListExport.Format.accepted(accept), status, department, from, to, sort);
    }

    /** The same list in the format a link names: {@code ?format=json|csv|xlsx} (json: the page asked for). */
    @Operation(summary = "Lists or exports the filtered complaints in the format named by the query")
    @GetMapping(params = "format")
    @PreAuthorize(LIST_READERS)
    ResponseEntity<?> inFormat(@RequestParam(required = false) ComplaintStatus status,
                               @RequestParam(required = false) @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String department,
                               @RequestParam(required = false) LocalDate from,
                               @RequestParam(required = false) LocalDate to,
                               @RequestParam(defaultValue = "receivedAt") @Pattern(regexp = "receivedAt|dueAt",
                                       message = "is receivedAt or dueAt") String sort,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                               @RequestParam String format) {
        ListExport.Format named = ListExport.Format.named(format);
        return named == null ? ResponseEntity.ok(filtered(status, department, from, to, sort, page, size))
                : export(named, status, department, from, to, sort);
    }

    private ResponseEntity<byte[]> export(ListExport.Format format, ComplaintStatus status, String department,
                                          LocalDate from, LocalDate to, String sort) {
        Page<ComplaintView> all = filtered(status, department, from, to, sort, 0, ListExport.MAX_ROWS);
        ListExport.checkBound(all.total());
        return ListExport.of(json, format, "complaints-" + mallTime.today(), ComplaintView.class, all.items());
    }

    private Page<ComplaintView> filtered(ComplaintStatus status, String department, LocalDate from, LocalDate to,
                                         String sort, int page, int size) {
        CurrentUser user = CurrentUser.get();
        String visibleDepartment = user.hasRole(Roles.DEPARTMENT) ? user.ownDepartment() : department;
        var filter = new ComplaintQueries.Filter(status == null ? null : status.name(), visibleDepartment,
                mallTime.startOf(from), mallTime.endOf(to));
        var order = "dueAt".equals(sort) ? ComplaintQueries.Order.DUE_AT : ComplaintQueries.Order.RECEIVED_AT;
        return queries.list(filter, order, page, size);
    }

    /**
     * The supervisor's inbox (C14): escalated MAJOR complaints not archived, those not yet acknowledged first. Live
     * in the gateway's stream {@code /api/streams/escalations}.
     */
    @Operation(summary = "Lists the supervisor's inbox of escalated complaints")
    @GetMapping("/escalations")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CS_HEAD')")
    List<ComplaintView> escalations() {
        return queries.escalations(200);
    }

    /**
     * {@code asOf}: the complaint as it was then (C13, A4), through the projection's own handlers ({@link RecordsAsOf});
     * its stage due as the deadlines now set compute it.
     */
    @Operation(summary = "Shows a complaint, now or as it was at an instant")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'SUPERVISOR', 'AUDITOR', "
            + "'DEPARTMENT')")
    ComplaintView get(@PathVariable String id, @RequestParam(required = false) Instant asOf) {
        return records.read(COMPLAINT, id, asOf, queries::find)
                .filter(VisibleComplaints.toCaller())
                .orElseThrow(() -> new NotFound("no complaint " + id));
    }

    @Operation(summary = "Lists a complaint's events in order")
    @GetMapping("/{id}/history")
    @PreAuthorize("hasAnyRole('AFTER_SALES', 'CS_HEAD', 'SUPERVISOR', 'AUDITOR')")
    List<EventHistory.Entry> history(@PathVariable String id) {
        return history.of(COMPLAINT, id, () -> new NotFound("no complaint " + id));
    }

    @Operation(summary = "The complaint's handling form (JSON, or a printable page)")
    @GetMapping(value = "/{id}/form", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(FORM_READERS)
    HandlingForm form(@PathVariable String id) {
        return forms.of(id).orElseThrow(() -> new NotFound("no complaint " + id));
    }

    /** The same form as a printable page with Chinese and Russian labels. */
    @Operation(summary = "The complaint's handling form (JSON, or a printable page)")
    @GetMapping(value = "/{id}/form", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize(FORM_READERS)
    ResponseEntity<String> printableForm(@PathVariable String id) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(HandlingFormPage.render(form(id), mallTime.zone()));
    }

    /** The customer information registration form (《客户信息登记表》, C1) as a printable page, Chinese and Russian. */
    @Operation(summary = "Prints a complaint's customer information registration form, Chinese and Russian")
    @GetMapping(value = "/{id}/registration-form", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize(FORM_READERS)
    ResponseEntity<String> registrationForm(@PathVariable String id) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(RegistrationFormPage.render(form(id), mallTime.zone()));
    }

    /** Missed deadlines (C10) between two days of the mall's calendar, both inclusive; the last week by default. */
    @Operation(summary = "Lists the missed deadlines between two days")
    @GetMapping("/missed-deadlines")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'CS_HEAD', 'AUDITOR')")
    List<MissedDeadlines.Missed> missedDeadlines(@RequestParam(required = false) LocalDate from,
                                                 @RequestParam(required = false) LocalDate to) {
        LocalDate last = to != null ? to : mallTime.today();
        LocalDate first = from != null ? from : last.minusDays(7);
        return missed.between(mallTime.startOf(first), mallTime.endOf(last));
    }
}
