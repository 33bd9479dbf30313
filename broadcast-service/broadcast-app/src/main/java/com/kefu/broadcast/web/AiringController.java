package com.kefu.broadcast.web;

import com.kefu.broadcast.command.AiringDesk.Aired;
import com.kefu.broadcast.command.AiringDesk;
import com.kefu.broadcast.query.AiringQueries;
import com.kefu.broadcast.query.AiringQueries.Airing;
import com.kefu.broadcast.web.BroadcastRequests.AiringRequest;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.web.Csv;
import com.kefu.platform.web.ListExport;
import com.kefu.platform.web.Xlsx;
import com.kefu.platform.time.MallTime;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/**
 * What aired (B4): logging an airing, refused unless the script has an approved, valid version; the day's log, also
 * as CSV or XLSX (its own columns, station time: the programme log's layout since B4, kept).
 */
@RestController
@RequestMapping("/api/airings")
class AiringController {

    static final String CSV = "text/csv";

    private final AiringDesk desk;
    private final AiringQueries airings;
    private final MallTime mallTime;

    AiringController(AiringDesk desk, AiringQueries airings, MallTime mallTime) {
        this.desk = desk;
        this.airings = airings;
        this.mallTime = mallTime;
    }

    @Operation(summary = "Records an airing")
    @PostMapping
    @PreAuthorize(Access.BROADCASTER)
    ResponseEntity<Aired> air(@Valid @RequestBody AiringRequest request,
                              @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                              @Size(max = 100) String idempotencyKey) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(desk.air(request.scriptId(), request.language(), idempotencyKey));
    }

    /** The day's programme log (today, station time, when no date is given); emergencies have emergency:true. */
    @Operation(summary = "The day's programme log (JSON, or CSV by Accept)")
    @GetMapping
    @PreAuthorize(Access.READERS)
    List<Airing> day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return airings.of(date == null ? today() : date);
    }

    /** The same log as CSV or XLSX, for {@code Accept: text/csv} or {@value Xlsx#MEDIA_TYPE}. */
    @Operation(summary = "The day's programme log (JSON, or CSV or XLSX by Accept)")
    @GetMapping(produces = {CSV, Xlsx.MEDIA_TYPE})
    @PreAuthorize(Access.READERS)
    ResponseEntity<byte[]> dayAsFile(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestHeader(HttpHeaders.ACCEPT) String accept) {
        return file(ListExport.Format.accepted(accept), date);
    }

    /** The same log in the format a link names: {@code ?format=json|csv|xlsx}. */
    @Operation(summary = "The day's programme log in the format named by the query")
    @GetMapping(params = "format")
    @PreAuthorize(Access.READERS)
    ResponseEntity<?> dayInFormat(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam String format) {
        ListExport.Format named = ListExport.Format.named(format);
        return named == null ? ResponseEntity.ok(day(date)) : file(named, date);
    }

    /** The programme log of a day as a file to download: CSV, or XLSX with {@code format=xlsx}. */
    @Operation(summary = "Downloads a day's programme log as a CSV (or XLSX) file")
    @GetMapping("/export")
    @PreAuthorize(Access.READERS)
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(defaultValue = "csv") String format) {
        ListExport.Format named = ListExport.Format.named(format);
        return file(named == null ? ListExport.Format.CSV : named, date);
    }

    private ResponseEntity<byte[]> file(ListExport.Format format, LocalDate date) {
        LocalDate day = date == null ? today() : date;
        List<Airing> log = airings.of(day);
        ListExport.checkBound(log.size());
        boolean csv = format == ListExport.Format.CSV;
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, csv ? Csv.MEDIA_TYPE : Xlsx.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"programme-log-" + day
                        + (csv ? ".csv" : ".xlsx") + "\"")
                .body(csv ? ProgrammeLog.csv(log, mallTime.zone()) : ProgrammeLog.xlsx(log, mallTime.zone()));
    }

    private LocalDate today() {
        return mallTime.today();
    }
}
