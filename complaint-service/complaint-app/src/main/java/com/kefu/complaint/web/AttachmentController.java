package com.kefu.complaint.web;

import com.kefu.complaint.command.AttachmentTooLarge;
import com.kefu.complaint.command.Attachments;
import com.kefu.complaint.command.Attachments.Added;
import com.kefu.complaint.command.Attachments.Owner;
import com.kefu.complaint.command.UnsupportedAttachment;
import com.kefu.complaint.query.AttachmentQueries;
import com.kefu.complaint.query.AttachmentQueries.AttachmentView;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Letters, faxes, receipts and photos on complaints and enquiries (C16): JPEG, PNG or PDF by their bytes, kept with
 * their SHA-256. Read by whoever may read the record (a department only its own complaints, S4; 404 to it for any
 * other); added by the desk and after-sales (who register and handle), and by the department holding a complaint (what
 * it found or did). Never to an archived record (409). Erased with the customer's data (S3): listed as erased, the
 * hash kept, the bytes gone (410).
 */
@RestController
class AttachmentController {

    /** Those who may read a complaint ({@code GET /api/complaints/{id}}). */
    private static final String COMPLAINT_READERS = "hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', "
            + "'SUPERVISOR', 'AUDITOR', 'DEPARTMENT')";
    /** Those who register complaints (the desk: a letter, a fax, a receipt at intake) or act on them. */
    private static final String COMPLAINT_WRITERS =
            "hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'DEPARTMENT')";
    /** As {@link EnquiryController}'s readers and desk. */
    private static final String ENQUIRY_READERS =
            "hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'SUPERVISOR', 'AUDITOR')";
    private static final String ENQUIRY_WRITERS = "hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER')";
    private static final String UNSUPPORTED = "the file is none of the types taken (JPEG, PNG, PDF) by its bytes";

    private final Attachments attachments;
    private final AttachmentQueries queries;
    private final VisibleComplaints complaints;
    private final EventHistory history;

    AttachmentController(Attachments attachments, AttachmentQueries queries, VisibleComplaints complaints,
                         EventHistory history) {
        this.attachments = attachments;
        this.queries = queries;
        this.complaints = complaints;
        this.history = history;
    }

    @Operation(summary = "Attaches a file (JPEG, PNG or PDF) to a complaint")
    @ApiResponse(responseCode = "415", description = UNSUPPORTED,
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping(path = "/api/complaints/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(COMPLAINT_WRITERS)
    ResponseEntity<Added> addToComplaint(@PathVariable String id, @RequestPart("file") MultipartFile file)
            throws IOException {
        complaints.require(id);
        return created("/api/complaints/" + id, attachments.add(Owner.COMPLAINT, id, file.getOriginalFilename(),
                file.getBytes()));
    }

    @Operation(summary = "Lists a complaint's attachments")
    @GetMapping("/api/complaints/{id}/attachments")
    @PreAuthorize(COMPLAINT_READERS)
    List<AttachmentView> complaintAttachments(@PathVariable String id) {
        complaints.require(id);
        return queries.list(AttachmentQueries.COMPLAINT, id);
    }

    @Operation(summary = "Downloads one of a complaint's attachments")
    @GetMapping("/api/complaints/{id}/attachments/{attachmentId}")
    @PreAuthorize(COMPLAINT_READERS)
    ResponseEntity<byte[]> complaintAttachment(@PathVariable String id, @PathVariable String attachmentId) {
        complaints.require(id);
        return download(AttachmentQueries.COMPLAINT, "complaint", id, attachmentId);
    }

    @Operation(summary = "Attaches a file (JPEG, PNG or PDF) to an enquiry")
    @ApiResponse(responseCode = "415", description = UNSUPPORTED,
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping(path = "/api/enquiries/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(ENQUIRY_WRITERS)
    ResponseEntity<Added> addToEnquiry(@PathVariable String id, @RequestPart("file") MultipartFile file)
            throws IOException {
        requireEnquiry(id);
        return created("/api/enquiries/" + id, attachments.add(Owner.ENQUIRY, id, file.getOriginalFilename(),
                file.getBytes()));
    }

    @Operation(summary = "Lists an enquiry's attachments")
    @GetMapping("/api/enquiries/{id}/attachments")
    @PreAuthorize(ENQUIRY_READERS)
    List<AttachmentView> enquiryAttachments(@PathVariable String id) {
        requireEnquiry(id);
        return queries.list(AttachmentQueries.ENQUIRY, id);
    }

    @Operation(summary = "Downloads one of an enquiry's attachments")
    @GetMapping("/api/enquiries/{id}/attachments/{attachmentId}")
    @PreAuthorize(ENQUIRY_READERS)
    ResponseEntity<byte[]> enquiryAttachment(@PathVariable String id, @PathVariable String attachmentId) {
        requireEnquiry(id);
        return download(AttachmentQueries.ENQUIRY, "enquiry", id, attachmentId);
    }

    @ExceptionHandler(UnsupportedAttachment.class)
    ProblemDetail unsupported(UnsupportedAttachment unsupported) {
        ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-attachment",
                unsupported.getMessage());
        problem.setProperty("accepted", List.of("image/jpeg", "image/png", "application/pdf"));
        return problem;
    }

    @ExceptionHandler(AttachmentTooLarge.class)
    ProblemDetail tooLarge(AttachmentTooLarge tooLarge) {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large", tooLarge.getMessage());
    }

    /** An enquiry exists once it has events (its list may not have caught up with one registered a moment ago). */
    private void requireEnquiry(String id) {
        if (history.of("Enquiry", id).isEmpty()) {
            throw new NotFound("no enquiry " + id);
        }
    }

    private static ResponseEntity<Added> created(String record, Added added) {
        return ResponseEntity.created(URI.create(record + "/attachments/" + added.id())).body(added);
    }

    /**
     * The bytes with the type they were found to be, to be saved, never shown in the page or sniffed as another type;
     * 410 once erased.
     */
    private ResponseEntity<byte[]> download(String kind, String what, String id, String attachmentId) {
        AttachmentView file = queries.find(kind, id, attachmentId)
                .orElseThrow(() -> new NotFound("no attachment " + attachmentId + " of " + what + " " + id));
        if (file.erased()) {
            throw new AttachmentErased("attachment " + attachmentId + " of " + what + " " + id
                    + " was erased with the customer's personal data (S3); its SHA-256 " + file.sha256()
                    + " is kept");
        }
        AttachmentQueries.Content content = queries.content(kind, id, attachmentId)
                .orElseThrow(() -> new NotFound("no attachment " + attachmentId + " of " + what + " " + id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                        .encodeToString(HexFormat.of().parseHex(content.sha256())) + ":")
                .eTag("\"" + content.sha256() + "\"")
                .cacheControl(CacheControl.noStore())
                .body(content.data());
    }

    /** A file whose bytes went with the customer's data (S3). */
    static final class AttachmentErased extends RuntimeException {
        AttachmentErased(String detail) {
            super(detail);
        }
    }

    @ExceptionHandler(AttachmentErased.class)
    ProblemDetail erased(AttachmentErased erased) {
        return Problems.of(HttpStatus.GONE, "attachment-erased", erased.getMessage());
    }
}
