package com.kefu.membership.web;

import com.kefu.membership.api.MemberStatus;
import com.kefu.membership.api.Tier;
import com.kefu.membership.command.MemberDesk.NewMember;
import com.kefu.membership.command.MemberDesk.Registered;
import com.kefu.membership.command.MemberDesk;
import com.kefu.membership.query.MemberQueries;
import com.kefu.membership.query.MemberView;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.rules.InvalidRequest;
import com.kefu.platform.rules.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Memberships (M1), their points (M2) and tiers (M4): registered and changed at the membership desk. */
@RestController
@RequestMapping("/api/members")
class MemberChangeController {

    static final String PHONE = "\\+?[0-9][0-9 -]{5,19}";
    static final String MEMBERSHIP = "hasAnyRole('AFTER_SALES', 'CS_HEAD')";

    private final MemberDesk desk;
    private final MemberQueries queries;

    MemberChangeController(MemberDesk desk, MemberQueries queries) {
        this.desk = desk;
        this.queries = queries;
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

    @Operation(summary = "Registers a member and issues a card")
    @PostMapping
    @PreAuthorize(MEMBERSHIP)
    ResponseEntity<Registered> register(@Valid @RequestBody Registration request,
                                        @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                                        @Size(max = 100) String idempotencyKey) {
        Registered registered = desk.register(new NewMember(request.name(), request.phone(), request.tier()),
                idempotencyKey);
        return ResponseEntity.created(URI.create("/api/members/" + registered.id())).body(registered);
    }

    @Operation(summary = "Changes a member's details")
    @PatchMapping("/{id}")
    @PreAuthorize(MEMBERSHIP)
    MemberView changeDetails(@PathVariable String id, @Valid @RequestBody Details details) {
        if (details.name() == null && details.phone() == null) {
            throw new InvalidRequest("name, phone: nothing to change");
        }
        desk.changeDetails(id, details.name(), details.phone());
        return queries.find(id).orElseThrow(() -> new NotFound("no member " + id));
    }

    @Operation(summary = "Replaces a member's card")
    @PostMapping("/{id}/card")
    @PreAuthorize(MEMBERSHIP)
    Card replaceCard(@PathVariable String id, @Valid @RequestBody Reason reason) {
        return new Card(id, desk.replaceCard(id, reason.reason()));
    }

    @Operation(summary = "Suspends a membership")
    @PostMapping("/{id}/suspend")
    @PreAuthorize(MEMBERSHIP)
    StatusAnswer suspend(@PathVariable String id, @Valid @RequestBody Reason reason) {
        return new StatusAnswer(id, desk.suspend(id, reason.reason()));
    }

    @Operation(summary = "Reinstates a suspended membership")
    @PostMapping("/{id}/reinstate")
    @PreAuthorize(MEMBERSHIP)
    StatusAnswer reinstate(@PathVariable String id, @Valid @RequestBody(required = false) OptionalReason reason) {
        return new StatusAnswer(id, desk.reinstate(id, reason == null ? null : reason.reason()));
    }

    @Operation(summary = "Cancels a membership")
    @PostMapping("/{id}/cancel")
    @PreAuthorize(MEMBERSHIP)
    StatusAnswer cancel(@PathVariable String id, @Valid @RequestBody Reason reason) {
        return new StatusAnswer(id, desk.cancel(id, reason.reason()));
    }

    /** Published as MemberTierChanged (M4): complaint-service treats a VIP's complaints as urgent. */
    @Operation(summary = "Changes a member's tier")
    @PostMapping("/{id}/tier")
    @PreAuthorize(MEMBERSHIP)
    TierAnswer changeTier(@PathVariable String id, @Valid @RequestBody TierChange change) {
        return new TierAnswer(id, desk.changeTier(id, change.tier()));
    }

    @Operation(summary = "Adds or deducts a member's points")
    @PostMapping("/{id}/points")
    @PreAuthorize(MEMBERSHIP)
    Balance changePoints(@PathVariable String id, @Valid @RequestBody PointsChange change) {
        return new Balance(id, desk.changePoints(id, change.delta(), change.reason()));
    }
}
