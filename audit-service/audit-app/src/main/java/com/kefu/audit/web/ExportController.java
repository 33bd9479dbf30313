package com.kefu.audit.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.audit.trail.Trail;
import com.kefu.platform.rules.InvalidRequest;
import com.kefu.platform.signing.SignedFiles;
import com.kefu.platform.signing.SigningKey;
import com.kefu.platform.time.MallTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.OutputStream;
import java.time.Instant;

/**
 * Signed exports of the auditors' trail (A5), AUDITOR and ADMIN. {@code GET /api/audit/export?subject=…} (everything
 * about a complaint, shift, member, script or shop) or {@code ?from=…&to=…} (everything of a time window; both may be
 * given together) answers a ZIP archive of two files: {@code export.jsonl}, the events in the trail's time order, one
 * JSON object per line as {@code /api/audit/trail} shows them, and {@code export.sig}, the service's detached signature
 * over exactly those bytes (RSA, SHA-256). The archive is written as the database's cursor reads the events, the
 * signature taking the bytes as they pass: an export of any length is never held in memory. The public key is at
 * {@code GET /api/audit/public-key}; README "Signed exports" shows the check with openssl alone.
 */
@RestController
@Validated
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class ExportController {

    static final String FILE = "export.jsonl";

    private final Trail trail;
    private final SigningKey key;
    private final ObjectMapper json;
    private final MallTime mallTime;

    ExportController(Trail trail, SigningKey key, ObjectMapper json, MallTime mallTime) {
        this.trail = trail;
        this.key = key;
        this.json = json.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.mallTime = mallTime;
    }

    @Operation(summary = "Exports the events about a subject or of a time window as JSON lines with a detached "
            + "signature (a ZIP of export.jsonl and export.sig)")
    @ApiResponse(responseCode = "200", description = "export.jsonl and export.sig",
            content = @Content(mediaType = SignedFiles.MEDIA_TYPE))
    @GetMapping("/api/audit/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) @Size(min = 1, max = 255) String subject,
                                                 @RequestParam(required = false) Instant from,
                                                 @RequestParam(required = false) Instant to) {
        if (subject == null && (from == null || to == null)) {
            throw new InvalidRequest(from == null && to == null
                    ? "subject, or from and to: an export names what it is about or the time it covers"
                    : (from == null ? "from" : "to") + ": a time window needs both from and to");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRequest("to: must be after from (" + from + ")");
        }
        Trail.Filter filter = new Trail.Filter(null, subject, null, from, to);
        Instant at = mallTime.now();
        StreamingResponseBody body = out -> SignedFiles.write(out, key, FILE, at, file -> write(filter, file));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(SignedFiles.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("audit-export.zip").build().toString())
                .body(body);
    }

    private void write(Trail.Filter filter, OutputStream file) {
        trail.each(filter, entry -> {
            json.writeValue(file, entry);
            file.write('\n');
        });
    }

    @Operation(summary = "Shows the public key that verifies the signed exports (PEM)")
    @ApiResponse(responseCode = "200", description = "the public key, PEM",
            content = @Content(mediaType = SignedFiles.PEM_MEDIA_TYPE))
    @GetMapping("/api/audit/public-key")
    ResponseEntity<String> publicKey() {
        return SignedFiles.publicKey(key);
    }
}
