package com.kefu.complaint.web;

import com.kefu.complaint.command.ProposalDesk;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.rules.InvalidRequest;
import com.kefu.complaint.api.ReportPeriod;
import com.kefu.complaint.query.ComplaintReports;
import com.kefu.complaint.query.ComplaintReports.Report;
import com.kefu.platform.time.MallTime;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Statistics of complaints for a month, a quarter or a year (C11): JSON, CSV ({@code Accept: text/csv}) or a
 * spreadsheet ({@code Accept: } {@value ReportExports#XLSX}); a link may say {@code ?format=csv|xlsx|json} instead.
 * Improvement proposals are recorded against a period and shown with its report.
 */
@RestController
@RequestMapping("/api/reports/complaints")
class ReportController {

    /** After-sales keep the statistics, the head the reports, the supervisor receives them (第三章四 2, 第四章(九)). */
    private static final String READERS = "hasAnyRole('AFTER_SALES', 'CS_HEAD', 'SUPERVISOR', 'AUDITOR')";
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ComplaintReports reports;
    private final MallTime mallTime;
    private final ProposalDesk proposals;

    ReportController(ComplaintReports reports, MallTime mallTime, ProposalDesk proposals) {
        this.reports = reports;
        this.mallTime = mallTime;
        this.proposals = proposals;
    }

    @Operation(summary = "The complaint statistics of a period (JSON, CSV or XLSX by Accept)")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(READERS)
    Report json(@RequestParam String period) {
        return reports.of(period(period), mallTime);
    }

    @Operation(summary = "The complaint statistics of a period (JSON, CSV or XLSX by Accept)")
    @GetMapping(produces = "text/csv")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> csv(@RequestParam String period) {
        Report report = json(period);
        return download(report, CSV, "csv", ReportExports.csv(report));
    }

    @Operation(summary = "The complaint statistics of a period (JSON, CSV or XLSX by Accept)")
    @GetMapping(produces = ReportExports.XLSX)
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> xlsx(@RequestParam String period) {
        Report report = json(period);
        return download(report, MediaType.parseMediaType(ReportExports.XLSX), "xlsx", ReportExports.xlsx(report));
    }

    @Operation(summary = "The complaint statistics of a period in a format named by the query")
    @GetMapping(params = "format")
    @PreAuthorize(READERS)
    ResponseEntity<?> inFormat(@RequestParam String period, @RequestParam String format) {
        return switch (format) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json(period));
            case "csv" -> csv(period);
            case "xlsx" -> xlsx(period);
            default -> throw new InvalidRequest("format: '" + format + "' is not json, csv or xlsx");
        };
    }

    private static ResponseEntity<byte[]> download(Report report, MediaType type, String extension, byte[] body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("complaints-" + report.period() + "." + extension).build().toString())
                .body(body);
    }

    record ProposalRequest(@NotBlank String period, @NotBlank @Size(max = 200) String title,
                           @NotBlank @Size(max = 4000) String proposal) {
    }

    record Recorded(String id, String period) {
    }

    @Operation(summary = "Proposes an improvement from the statistics")
    @PostMapping("/proposals")
    @PreAuthorize("hasAnyRole('AFTER_SALES', 'CS_HEAD', 'SUPERVISOR')")
    ResponseEntity<Recorded> propose(@Valid @RequestBody ProposalRequest request,
                                     @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                                     @Size(max = 100) String idempotencyKey) {
        ReportPeriod period = period(request.period());
        String id = proposals.propose(period, request.title(), request.proposal(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/reports/complaints/proposals?period=" + period.name()))
                             .body(new Recorded(id, period.name()));
    }

    @Operation(summary = "Lists the improvement proposals")
    @GetMapping("/proposals")
    @PreAuthorize(READERS)
    List<ComplaintReports.Proposal> proposals(@RequestParam String period) {
        return reports.proposals(period(period));
    }

    /** The period the client asked for; one that is no period ("2026-13") is the client's mistake, named. */
    private static ReportPeriod period(String text) {
        try {
            return ReportPeriod.parse(text);
        } catch (IllegalArgumentException wrong) {
            throw new InvalidRequest(wrong.getMessage(), wrong);
        }
    }
}
