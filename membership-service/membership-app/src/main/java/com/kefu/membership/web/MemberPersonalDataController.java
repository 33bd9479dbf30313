package com.kefu.membership.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.membership.api.MemberDetailsChangedEvent;
import com.kefu.membership.api.MemberRegisteredEvent;
import com.kefu.membership.api.MemberStatus;
import com.kefu.membership.event.MemberContactRecordedEvent;
import com.kefu.membership.command.MemberDesk;
import com.kefu.platform.privacy.ClearContacts.Contact;
import com.kefu.platform.privacy.ClearContacts;
import com.kefu.platform.privacy.PersonalDataReads;
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

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** A member's personal data: read in clear with a reason (S1, S2), the reads, the erasure (S3). */
@RestController
@RequestMapping("/api/members")
class MemberPersonalDataController {

    private final MemberDesk desk;
    private final ClearContacts contacts;
    private final PersonalDataReads reads;
    private final Clock clock;
    private final ObjectMapper json;

    MemberPersonalDataController(MemberDesk desk, ClearContacts contacts, PersonalDataReads reads, Clock clock,
                                 ObjectMapper json) {
        this.desk = desk;
        this.contacts = contacts;
        this.reads = reads;
        this.clock = clock;
        this.json = json;
    }

    record ErasureRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record StatusAnswer(String id, MemberStatus status) {
    }

    /** The member's name and phone in clear (S1), with a reason; every read is recorded before the answer (S2). */
    @Operation(summary = "Reads a member's name and phone in clear, with a reason (recorded)")
    @GetMapping("/{id}/contact")
    @PreAuthorize(MemberChangeController.MEMBERSHIP)
    Contact contact(@PathVariable String id, @RequestParam @NotBlank @Size(max = 200) String reason) {
        return contacts.read("Member", id, (contact, event) ->
                event instanceof MemberRegisteredEvent registered ? contact.withName(registered.name())
                        : event instanceof MemberDetailsChangedEvent changed && changed.name() != null
                        ? contact.withName(changed.name())
                        : event instanceof MemberContactRecordedEvent recorded ? contact.withPhone(recorded.phone())
                        : contact, "member", "member contact", reason);
    }

    /** Who read which member's contact in clear, when and why (S2), newest first. */
    @Operation(summary = "Lists who read which member's contact in clear, when and why")
    @GetMapping("/contact-reads")
    @PreAuthorize("hasRole('AUDITOR')")
    List<PersonalDataReads.Read> contactReads(@RequestParam(required = false) @Size(max = 36) String member) {
        return reads.between(Instant.EPOCH, clock.instant().plusSeconds(60), member, 1000);
    }

    /** The same reads (all of them, not the first 1,000) as CSV or XLSX by Accept ({@link ListExport}). */
    @Operation(summary = "Exports who read which member's contact in clear (CSV or XLSX by Accept)")
    @GetMapping(value = "/contact-reads", produces = {"text/csv", Xlsx.MEDIA_TYPE})
    @PreAuthorize("hasRole('AUDITOR')")
    ResponseEntity<byte[]> exportContactReads(@RequestParam(required = false) @Size(max = 36) String member,
                                              @RequestHeader(HttpHeaders.ACCEPT) String accept) {
        return exportContactReads(ListExport.Format.accepted(accept), member);
    }

    /** The same reads in the format a link names: {@code ?format=json|csv|xlsx}. */
    @Operation(summary = "Lists or exports who read which member's contact in clear, in the format named by the query")
    @GetMapping(value = "/contact-reads", params = "format")
    @PreAuthorize("hasRole('AUDITOR')")
    ResponseEntity<?> contactReadsInFormat(@RequestParam(required = false) @Size(max = 36) String member,
                                           @RequestParam String format) {
        ListExport.Format named = ListExport.Format.named(format);
        return named == null ? ResponseEntity.ok(contactReads(member)) : exportContactReads(named, member);
    }

    private ResponseEntity<byte[]> exportContactReads(ListExport.Format format, String member) {
        return ListExport.of(json, format, "member-contact-reads", PersonalDataReads.Read.class,
                reads.between(Instant.EPOCH, clock.instant().plusSeconds(60), member, ListExport.MAX_ROWS + 1));
    }

    /** Erases a cancelled member's name and phone on their request (S3). */
    @Operation(summary = "Erases a cancelled member's name and phone on their request")
    @PostMapping("/{id}/erasure")
    @PreAuthorize("hasAnyRole('CS_HEAD', 'ADMIN')")
    StatusAnswer erase(@PathVariable String id, @Valid @RequestBody ErasureRequest reason) {
        desk.erase(id, reason.reason());
        return new StatusAnswer(id, MemberStatus.CANCELLED);
    }
}
