package com.kefu.membership.web;

import com.kefu.membership.command.GiftDesk;
import com.kefu.membership.query.MemberQueries;
import com.kefu.membership.query.MemberQueries.CampaignView;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.axon.RecordsAsOf;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.time.MallTime;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
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

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Gift campaigns (M3): promotional items, gifts, prizes and souvenirs, handed out to members at the desk. */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private static final String CAMPAIGN = "Campaign";
    private static final String ORGANISERS = "hasAnyRole('AFTER_SALES', 'CS_HEAD')";

    private final GiftDesk gifts;
    private final MemberQueries queries;
    private final Clock clock;
    private final MallTime mallTime;
    private final EventHistory history;
    private final RecordsAsOf records;

    CampaignController(GiftDesk gifts, MemberQueries queries, Clock clock, MallTime mallTime, EventHistory history,
                       RecordsAsOf records) {
        this.gifts = gifts;
        this.queries = queries;
        this.clock = clock;
        this.mallTime = mallTime;
        this.history = history;
        this.records = records;
    }

    /** {@code startsOn} defaults to today, {@code endsOn} to {@code startsOn} plus 30 days. */
    record NewCampaign(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 100) String item,
                       @NotNull @Min(1) @Max(1_000_000) Integer stock,
                       @NotNull @Min(1) @Max(1000) Integer perMemberLimit,
                       LocalDate startsOn, LocalDate endsOn) {
    }

    record Stock(@NotNull @Min(1) @Max(1_000_000) Integer quantity) {
    }

    record HandOut(@NotBlank @Size(max = 36) String memberId, @Min(1) @Max(1000) Integer quantity) {
    }

    record Started(String id) {
    }

    record Left(String campaignId, int stock) {
    }

    record HandedOut(String campaignId, String memberId, int quantity, int stock) {
    }

    @Operation(summary = "Starts a gift campaign")
    @PostMapping
    @PreAuthorize(ORGANISERS)
    ResponseEntity<Started> start(@Valid @RequestBody NewCampaign campaign,
                                  @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                                  @Size(max = 100) String idempotencyKey) {
        LocalDate startsOn = campaign.startsOn() != null ? campaign.startsOn()
                : mallTime.today();
        LocalDate endsOn = campaign.endsOn() != null ? campaign.endsOn() : startsOn.plusDays(30);
        String id = gifts.startCampaign(campaign.name(), campaign.item(), campaign.stock(), campaign.perMemberLimit(),
                startsOn, endsOn, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/campaigns/" + id)).body(new Started(id));
    }

    @Operation(summary = "Lists campaigns")
    @GetMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'AUDITOR')")
    List<CampaignView> list() {
        return queries.campaigns();
    }

    /** {@code asOf}: the campaign as it was then (A4; its neighbours as they are now). */
    @Operation(summary = "Shows a campaign with its stock and hand-outs, now or as it was at an instant")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'AUDITOR')")
    CampaignView get(@PathVariable String id, @RequestParam(required = false) Instant asOf) {
        return records.read(CAMPAIGN, id, asOf, queries::campaign)
                .orElseThrow(() -> new NotFound("no campaign " + id));
    }

    @Operation(summary = "Lists a campaign's events in order")
    @GetMapping("/{id}/history")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'AUDITOR')")
    List<EventHistory.Entry> history(@PathVariable String id) {
        return history.of(CAMPAIGN, id, () -> new NotFound("no campaign " + id));
    }

    @Operation(summary = "Adds gifts to a campaign's stock")
    @PostMapping("/{id}/stock")
    @PreAuthorize(ORGANISERS)
    Left addStock(@PathVariable String id, @Valid @RequestBody Stock stock) {
        return new Left(id, gifts.addStock(id, stock.quantity()));
    }

    /**
     * 409 past the stock, past the member's limit, outside the campaign's days, or for an inactive member. By
     * after-sales, who carry out the promotions (第三章四 6), and the head, who organises the hand-outs (第三章一 5).
     */
    @Operation(summary = "Hands a campaign's gift out to a member")
    @PostMapping("/{id}/handouts")
    @PreAuthorize(ORGANISERS)
    ResponseEntity<HandedOut> handOut(@PathVariable String id, @Valid @RequestBody HandOut handOut) {
        int quantity = handOut.quantity() == null ? 1 : handOut.quantity();
        int stock = gifts.handOut(id, handOut.memberId(), quantity);
        return ResponseEntity.status(HttpStatus.CREATED).body(new HandedOut(id, handOut.memberId(), quantity, stock));
    }
}
