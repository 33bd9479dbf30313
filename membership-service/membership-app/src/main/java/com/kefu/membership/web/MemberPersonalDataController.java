package com.kefu.membership.web;

import com.kefu.membership.api.MemberDetailsChangedEvent;
import com.kefu.membership.api.MemberRegisteredEvent;
import com.kefu.membership.api.MemberStatus;
import com.kefu.membership.event.MemberContactRecordedEvent;
import com.kefu.membership.command.MemberDesk;
import com.kefu.platform.privacy.ClearContacts.Contact;
import com.kefu.platform.privacy.ClearContacts;
import com.kefu.platform.privacy.PersonalDataReads;
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

    MemberPersonalDataController(MemberDesk desk, ClearContacts contacts, PersonalDataReads reads, Clock clock) {
        this.desk = desk;
        this.contacts = contacts;
        this.reads = reads;
        this.clock = clock;
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

    /** Erases a cancelled member's name and phone on their request (S3). */
    @Operation(summary = "Erases a cancelled member's name and phone on their request")
    @PostMapping("/{id}/erasure")
    @PreAuthorize("hasAnyRole('CS_HEAD', 'ADMIN')")
    StatusAnswer erase(@PathVariable String id, @Valid @RequestBody ErasureRequest reason) {
        desk.erase(id, reason.reason());
        return new StatusAnswer(id, MemberStatus.CANCELLED);
    }
}
