package com.kefu.membership.web;

import com.kefu.platform.rules.InvalidRequest;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.kefu.membership.api.MemberDetailsChangedEvent;
import com.kefu.membership.api.MemberRegisteredEvent;
import com.kefu.membership.api.MemberStatus;
import com.kefu.membership.api.Tier;
import com.kefu.membership.command.CardNumbers;
import com.kefu.membership.command.MemberContactRecordedEvent;
import com.kefu.membership.command.MemberDesk.NewMember;
import com.kefu.membership.command.MemberDesk.Registered;
import com.kefu.membership.command.MemberDesk;
import com.kefu.membership.query.MemberQueries.MemberRecord;
import com.kefu.membership.query.MemberQueries;
import com.kefu.membership.query.MemberView;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.privacy.PersonalDataReads;
import com.kefu.platform.rules.NotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Memberships (M1), their points (M2) and tiers (M4). */
@RestController
@RequestMapping("/api/members")
class MemberController {

    static final String PHONE = "\\+?[0-9][0-9 -]{5,19}";
    private static final String MEMBERSHIP = "hasAnyRole('AFTER_SALES', 'CS_HEAD')";
    private static final String READERS = "hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'AUDITOR')";

    private final MemberDesk desk;
    private final MemberQueries queries;
    private final EventHistory history;
    private final PersonalDataReads reads;
    private final Clock clock;

    MemberController(MemberDesk desk, MemberQueries queries, EventHistory history, PersonalDataReads reads,
                     Clock clock) {
        this.reads = reads;
        this.clock = clock;
        this.desk = desk;
        this.queries = queries;
        this.history = history;
    }

    /** {@code POST /api/members}: who the member is and the tier they join at (M1). */
    record Registration(@NotBlank @Size(max = 100) String name,
                        @NotBlank @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
                        @NotNull Tier tier) {
    }

    /** Either may be left out: unchanged. */
    record Details(@Size(min = 1, max = 100) String name,
                   @Pattern(regexp = PHONE, message = "must be a phone number") String phone) {
    }

    record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    record OptionalReason(@Size(max = 500) String reason) {
    }

    record TierChange(@NotNull Tier tier) {
    }

    record PointsChange(@NotNull @Min(-1_000_000) @Max(1_000_000) Long delta, @NotBlank @Size(max = 200) String reason) {
    }

    record Card(String id, String cardNumber) {
    }

    record StatusAnswer(String id, MemberStatus status) {
    }

    record TierAnswer(String id, Tier tier) {
    }

    record Balance(String id, long points) {
    }

    /** The member with the points, gifts and service requests on their record. */
    record Detail(@JsonUnwrapped MemberView member, List<MemberQueries.PointsEntry> pointsHistory,
                  List<MemberQueries.Gift> gifts, List<MemberQueries.ServiceRequestView> serviceRequests) {

        static Detail of(MemberRecord record) {
            return new Detail(record.member(), record.points(), record.gifts(), record.serviceRequests());
        }
    }

    @PostMapping
    @PreAuthorize(MEMBERSHIP)
    ResponseEntity<Registered> register(@Valid @RequestBody Registration request) {
        Registered registered = desk.register(new NewMember(request.name(), request.phone(), request.tier()));
        return ResponseEntity.created(URI.create("/api/members/" + registered.id())).body(registered);
    }

    @GetMapping
    @PreAuthorize(READERS)
    List<MemberView> list(@RequestParam(required = false) MemberStatus status,
                          @RequestParam(required = false) Tier tier,
                          @RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.list(status, tier, page, size);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    Detail get(@PathVariable String id) {
        return queries.record(id).map(Detail::of).orElseThrow(() -> new NotFound("no member " + id));
    }

    record Contact(String id, String name, String phone) {
    }

    /** The member's name and phone in clear (S1), with a reason; every read is recorded before the answer (S2). */
    @GetMapping("/{id}/contact")
    @PreAuthorize(MEMBERSHIP)
    Contact contact(@PathVariable String id, @RequestParam @NotBlank @Size(max = 200) String reason) {
        String name = null;
        String phone = null;
        for (Object event : history.payloads("Member", id)) {
            if (event instanceof MemberRegisteredEvent registered) {
                name = registered.name();
            } else if (event instanceof MemberDetailsChangedEvent changed && changed.name() != null) {
                name = changed.name();
            } else if (event instanceof MemberContactRecordedEvent contact) {
                phone = contact.phone();
            }
        }
        if (name == null) {
            throw new NotFound("no member " + id);
        }
        reads.record(id, "member contact", reason);
        return new Contact(id, name, phone);
    }

    /** Who read which member's contact in clear, when and why (S2), newest first. */
    @GetMapping("/contact-reads")
    @PreAuthorize("hasRole('AUDITOR')")
    List<PersonalDataReads.Read> contactReads(@RequestParam(required = false) @Size(max = 36) String member) {
        return reads.between(Instant.EPOCH, clock.instant().plusSeconds(60), member, 1000);
    }

    /** Every change of the membership, in order, with its time and actor; the phone masked. */
    @GetMapping("/{id}/history")
    @PreAuthorize("hasAnyRole('AFTER_SALES', 'CS_HEAD', 'AUDITOR')")
    List<EventHistory.Entry> history(@PathVariable String id) {
        return history.of("Member", id, () -> new NotFound("no member " + id));
    }

    /** The member a card names; a mistyped number (check digit) is 400, a replaced card 404. */
    @GetMapping("/by-card/{cardNumber}")
    @PreAuthorize(READERS)
    MemberView byCard(@PathVariable String cardNumber) {
        if (!CardNumbers.isValid(cardNumber)) {
            throw new InvalidRequest("cardNumber: " + cardNumber
                    + " is not a card number (its check digit does not match): check it was read right");
        }
        return queries.byCard(cardNumber);
    }

    @PatchMapping("/{id}")
    @PreAuthorize(MEMBERSHIP)
    MemberView changeDetails(@PathVariable String id, @Valid @RequestBody Details details) {
        if (details.name() == null && details.phone() == null) {
            throw new InvalidRequest("name, phone: nothing to change");
        }
        desk.changeDetails(id, details.name(), details.phone());
        return queries.find(id).orElseThrow(() -> new NotFound("no member " + id));
    }

    @PostMapping("/{id}/card")
    @PreAuthorize(MEMBERSHIP)
    Card replaceCard(@PathVariable String id, @Valid @RequestBody Reason reason) {
        return new Card(id, desk.replaceCard(id, reason.reason()));
    }

    @PostMapping("/{id}/suspend")
    @PreAuthorize(MEMBERSHIP)
    StatusAnswer suspend(@PathVariable String id, @Valid @RequestBody Reason reason) {
        return new StatusAnswer(id, desk.suspend(id, reason.reason()));
    }

    @PostMapping("/{id}/reinstate")
    @PreAuthorize(MEMBERSHIP)
    StatusAnswer reinstate(@PathVariable String id, @Valid @RequestBody(required = false) OptionalReason reason) {
        return new StatusAnswer(id, desk.reinstate(id, reason == null ? null : reason.reason()));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize(MEMBERSHIP)
    StatusAnswer cancel(@PathVariable String id, @Valid @RequestBody Reason reason) {
        return new StatusAnswer(id, desk.cancel(id, reason.reason()));
    }

    /** Erases a cancelled member's name and phone on their request (S3). */
    @PostMapping("/{id}/erasure")
    @PreAuthorize("hasAnyRole('CS_HEAD', 'ADMIN')")
    StatusAnswer erase(@PathVariable String id, @Valid @RequestBody Reason reason) {
        desk.erase(id, reason.reason());
        return new StatusAnswer(id, MemberStatus.CANCELLED);
    }

    /** Published as MemberTierChanged (M4): complaint-service treats a VIP's complaints as urgent. */
    @PostMapping("/{id}/tier")
    @PreAuthorize(MEMBERSHIP)
    TierAnswer changeTier(@PathVariable String id, @Valid @RequestBody TierChange change) {
        return new TierAnswer(id, desk.changeTier(id, change.tier()));
    }

    @PostMapping("/{id}/points")
    @PreAuthorize(MEMBERSHIP)
    Balance changePoints(@PathVariable String id, @Valid @RequestBody PointsChange change) {
        return new Balance(id, desk.changePoints(id, change.delta(), change.reason()));
    }
}
