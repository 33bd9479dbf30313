package com.kefu.dutylog.web;

import com.kefu.dutylog.command.DutyDay;
import com.kefu.dutylog.command.DutyDays;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.dutylog.query.DutyDayDigest;
import com.kefu.dutylog.query.DutyDayQueries;
import com.kefu.platform.axon.EventHistory;
import com.kefu.dutylog.query.IncidentQueries;
import com.kefu.dutylog.query.ShiftQueries;
import com.kefu.dutylog.query.ShiftView;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.signing.SignedFiles;
import com.kefu.platform.signing.SigningKey;
import com.kefu.platform.time.MallTime;
import com.kefu.platform.web.ListExport;
import com.kefu.platform.web.Xlsx;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.kefu.dutylog.web.Access.MANAGER;
import static com.kefu.dutylog.web.Access.READERS;

/**
 * Duty days: the manager's signature that seals a day, and whether the day still matches it (D5); the signed day's
 * digest handed out with this service's detached signature (A5).
 */
@RestController
@RequestMapping("/api/duty-days")
class DutyDayController {

    private static final Set<String> ENTRIES = Set.of("EntryRecorded", "EntryCorrected");

    private final DutyDays days;
    private final DutyDayQueries queries;
    private final ShiftQueries shifts;
    private final IncidentQueries incidents;
    private final EventHistory history;
    private final SigningKey key;
    private final ObjectMapper json;
    private final MallTime mallTime;

    DutyDayController(DutyDays days, DutyDayQueries queries, ShiftQueries shifts, IncidentQueries incidents,
                      EventHistory history, SigningKey key, ObjectMapper json, MallTime mallTime) {
        this.days = days;
        this.queries = queries;
        this.shifts = shifts;
        this.incidents = incidents;
        this.history = history;
        this.key = key;
        this.json = json;
        this.mallTime = mallTime;
    }

    /**
     * What the signed digest of a day says (A5): the manager's signature of the day (who, when, the SHA-256 of its
     * entries and how many), the digest of its entries now and whether they still match, and each addendum's
     * signature chained to the one before (D12).
     */
    record SignedDigest(LocalDate day, String signedBy, Instant signedAt, String digest, int entries,
                        DutyDayDigest.Digest current, Boolean intact, List<SignedAddendum> addenda) {
    }

    record SignedAddendum(int number, String signedBy, Instant signedAt, String digest, String previousDigest,
                          Integer entries, DutyDayDigest.Digest current, Boolean intact) {
    }

    @Operation(summary = "Signs off the day's duty log")
    @PostMapping("/{date}/signature")
    @PreAuthorize(MANAGER)
    DutyDayQueries.DutyDayView sign(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        days.sign(date);
        return queries.find(date);
    }

    @Operation(summary = "Shows a duty day's log and its addenda")
    @GetMapping("/{date}")
    @PreAuthorize(READERS)
    DutyDayQueries.DutyDayView get(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return queries.find(date);
    }

    /**
     * The day's log as a printable page, Chinese and Russian labels (D1, D5, D12): its pages in the order they were
     * opened with the day's entries, the signature and its digest, whether the entries still match, the addenda.
     */
    @Operation(summary = "Prints a duty day's log with its signature and digest, bilingual")
    @GetMapping(value = "/{date}/log", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize(READERS)
    ResponseEntity<String> log(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(DutyDayLogPage.render(queries.find(date), pagesOf(date), at -> days.dayOf(at).equals(date),
                        mallTime.zone()));
    }

    /** An entry of the day's log with the page (shift) it is written on. */
    record DayEntry(String shiftId, String post, String id, Instant occurredAt, String category, String description,
                    String handling, String outcome, String reference, String corrects, List<String> correctedBy,
                    String recordedBy, Instant recordedAt) {

        static DayEntry of(ShiftView shift, ShiftView.Entry entry) {
            return new DayEntry(shift.id(), shift.post(), entry.id(), entry.occurredAt(), entry.category(),
                    entry.description(), entry.handling(), entry.outcome(), entry.reference(), entry.corrects(),
                    entry.correctedBy(), entry.recordedBy(), entry.recordedAt());
        }
    }

    /**
     * The entries of the day's log, page by page in the order the pages were opened, each in the order written: the
     * entries the printed log shows (those that happened on the day), with their page.
     */
    @Operation(summary = "Lists a duty day's entries with their pages")
    @GetMapping("/{date}/entries")
    @PreAuthorize(READERS)
    List<DayEntry> entries(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return pagesOf(date).stream().flatMap(shift -> shift.entries().stream()
                .filter(entry -> days.dayOf(entry.occurredAt()).equals(date))
                .map(entry -> DayEntry.of(shift, entry))).toList();
    }

    /** The same entries as CSV or XLSX by Accept ({@link ListExport}), columns as in the JSON. */
    @Operation(summary = "Exports a duty day's entries (CSV or XLSX by Accept)")
    @GetMapping(value = "/{date}/entries", produces = {"text/csv", Xlsx.MEDIA_TYPE})
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> exportEntries(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                         @RequestHeader(HttpHeaders.ACCEPT) String accept) {
        return ListExport.of(json, ListExport.Format.accepted(accept), "duty-log-" + date, DayEntry.class,
                entries(date));
    }

    /** The same entries in the format a link names: {@code ?format=json|csv|xlsx}. */
    @Operation(summary = "Lists or exports a duty day's entries in the format named by the query")
    @GetMapping(value = "/{date}/entries", params = "format")
    @PreAuthorize(READERS)
    ResponseEntity<?> entriesInFormat(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                      @RequestParam String format) {
        ListExport.Format named = ListExport.Format.named(format);
        return named == null ? ResponseEntity.ok(entries(date))
                : ListExport.of(json, named, "duty-log-" + date, DayEntry.class, entries(date));
    }

    /**
     * The signed day's digest as one JSON line, {@code duty-day-<date>.jsonl}, with this service's detached signature
     * over it, {@code duty-day-<date>.sig}, in one ZIP archive: checked with openssl alone as audit-service's
     * exports are (README "Signed exports"), against {@code GET /api/duty-days/public-key}.
     */
    @Operation(summary = "Exports a signed day's digest as a JSON line with a detached signature (a ZIP of the line "
            + "and its .sig)")
    @ApiResponse(responseCode = "200", description = "duty-day-<date>.jsonl and duty-day-<date>.sig",
            content = @Content(mediaType = SignedFiles.MEDIA_TYPE))
    @GetMapping("/{date}/signed-digest")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> signedDigest(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date)
            throws IOException {
        DutyDayQueries.DutyDayView day = queries.find(date);
        DutyDayQueries.Signature signature = day.signature();
        if (signature == null) {
            throw new NotFound("duty day " + date + " is not signed: it has no digest to hand out yet");
        }
        List<SignedAddendum> addenda = day.addenda().stream().map(addendum -> {
            DutyDayQueries.AddendumSignature signed = addendum.signature();
            return signed == null
                    ? new SignedAddendum(addendum.number(), null, null, null, null, null, addendum.current(), null)
                    : new SignedAddendum(addendum.number(), signed.signedBy(), signed.signedAt(), signed.digest(),
                    signed.previousDigest(), signed.entries(), addendum.current(), addendum.intact());
        }).toList();
        byte[] line = (json.writeValueAsString(new SignedDigest(date, signature.signedBy(), signature.signedAt(),
                signature.digest(), signature.entries(), day.current(), day.intact(), addenda)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        SignedFiles.write(zip, key, "duty-day-" + date + ".jsonl", mallTime.now(), out -> out.write(line));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(SignedFiles.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("duty-day-" + date + ".zip").build().toString())
                .body(zip.toByteArray());
    }

    /** audit-service's key as well where the installation gives both the same file (deploy/, README). */
    @Operation(summary = "Shows the public key that verifies the signed digests of duty days (PEM)")
    @ApiResponse(responseCode = "200", description = "the public key, PEM",
            content = @Content(mediaType = SignedFiles.PEM_MEDIA_TYPE))
    @GetMapping("/public-key")
    @PreAuthorize(READERS)
    ResponseEntity<String> publicKey() {
        return SignedFiles.publicKey(key);
    }

    /**
     * The events of the day, as they happened: its pages (opened, carried over, handed over), the entries and
     * corrections of that day whatever page holds them, its incidents and its signature.
     */
    @Operation(summary = "Lists the events of a duty day in order")
    @GetMapping("/{date}/history")
    @PreAuthorize(READERS)
    List<EventHistory.Entry> history(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Set<String> pages = Set.copyOf(shifts.shiftsDated(date));
        Set<String> shiftsOfDay = shiftsOf(date, pages);
        List<String> ids = new ArrayList<>(shiftsOfDay);
        ids.addAll(incidents.incidentsOn(date));
        ids.add(DutyDay.idOf(date));
        return history.of(Set.of("Shift", "Incident", "DutyDay"), ids).stream().filter(event -> {
            if (ENTRIES.contains(event.type())) {
                return days.dayOf(Instant.parse(event.data().get("occurredAt").asText())).equals(date);
            }
            return !shiftsOfDay.contains(event.aggregateId()) || pages.contains(event.aggregateId());
        }).toList();
    }

    /** The day's pages and every shift that holds an entry of the day (a page of the day before, past midnight). */
    /** The day's pages in the order they were opened. */
    private List<ShiftView> pagesOf(LocalDate date) {
        return shiftsOf(date, Set.copyOf(shifts.shiftsDated(date))).stream().map(shifts::find)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(ShiftView::openedAt)).toList();
    }

    private Set<String> shiftsOf(LocalDate date, Set<String> pages) {
        Set<String> shiftsOfDay = new HashSet<>(pages);
        shiftsOfDay.addAll(shifts.shiftsWithEntriesOn(date));
        return shiftsOfDay;
    }
}
