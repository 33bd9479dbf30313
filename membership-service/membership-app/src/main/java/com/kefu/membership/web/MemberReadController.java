package com.kefu.membership.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.membership.api.MemberStatus;
import com.kefu.membership.api.Tier;
import com.kefu.membership.command.CardNumbers;
import com.kefu.membership.query.MemberQueries.MemberRecord;
import com.kefu.membership.query.MemberQueries;
import com.kefu.membership.query.MemberView;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.axon.RecordsAsOf;
import com.kefu.platform.rules.InvalidRequest;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.time.MallTime;
import com.kefu.platform.web.ListExport;
import com.kefu.platform.web.Xlsx;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Reads of memberships: the list, a member with their points, gifts and requests, by card, the history. */
@RestController
@RequestMapping("/api/members")
class MemberReadController {

    private static final String READERS = "hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'AUDITOR')";

    private final MemberQueries queries;
    private final EventHistory history;
    private final RecordsAsOf records;
    private final MallTime mallTime;
    private final ObjectMapper json;

    MemberReadController(MemberQueries queries, EventHistory history, RecordsAsOf records, MallTime mallTime,
                         ObjectMapper json) {
        this.queries = queries;
        this.history = history;
        this.records = records;
        this.mallTime = mallTime;
        this.json = json;
    }

    /** The member with the points, gifts and service requests on their record. */
    record Detail(@JsonUnwrapped MemberView member, List<MemberQueries.PointsEntry> pointsHistory,
                  List<MemberQueries.Gift> gifts, List<MemberQueries.ServiceRequestView> serviceRequests) {

        static Detail of(MemberRecord record) {
            return new Detail(record.member(), record.points(), record.gifts(), record.serviceRequests());
        }
    }

    @Operation(summary = "Lists members (personal data masked)")
    @GetMapping
    @PreAuthorize(READERS)
    List<MemberView> list(@RequestParam(required = false) MemberStatus status,
                          @RequestParam(required = false) Tier tier,
                          @RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.list(status, tier, page, size);
    }

    /**
     * All the members the filters select (not a page), masked as in the list, as CSV or XLSX by Accept
     * ({@link ListExport}).
     */
    @Operation(summary = "Exports the filtered members, personal data masked (CSV or XLSX by Accept)")
    @GetMapping(produces = {"text/csv", Xlsx.MEDIA_TYPE})
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> export(@RequestParam(required = false) MemberStatus status,
                                  @RequestParam(required = false) Tier tier,
                                  @RequestHeader(HttpHeaders.ACCEPT) String accept) {
        return export(ListExport.Format.accepted(accept), status, tier);
    }

    /** The same list in the format a link names: {@code ?format=json|csv|xlsx} (json: the page asked for). */
    @Operation(summary = "Lists or exports the filtered members in the format named by the query")
    @GetMapping(params = "format")
    @PreAuthorize(READERS)
    ResponseEntity<?> inFormat(@RequestParam(required = false) MemberStatus status,
                               @RequestParam(required = false) Tier tier,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                               @RequestParam String format) {
        ListExport.Format named = ListExport.Format.named(format);
        return named == null ? ResponseEntity.ok(list(status, tier, page, size)) : export(named, status, tier);
    }

    private ResponseEntity<byte[]> export(ListExport.Format format, MemberStatus status, Tier tier) {
        List<MemberView> all = queries.list(status, tier, 0, ListExport.MAX_ROWS + 1);
        return ListExport.of(json, format, "members-" + mallTime.today(), MemberView.class, all);
    }

    /** {@code asOf}: the member as they were then (A4; their neighbours as they are now), masked as ever. */
    @Operation(summary = "Shows a member (personal data masked), now or as they were at an instant")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    Detail get(@PathVariable String id, @RequestParam(required = false) Instant asOf) {
        return records.read("Member", id, asOf, member -> queries.record(member).map(Detail::of))
                .orElseThrow(() -> new NotFound("no member " + id));
    }

    /** The member a card names; a mistyped number (check digit) is 400, a replaced card 404. */
    @Operation(summary = "Finds the member a card number names")
    @GetMapping("/by-card/{cardNumber}")
    @PreAuthorize(READERS)
    MemberView byCard(@PathVariable String cardNumber) {
        if (!CardNumbers.isValid(cardNumber)) {
            throw new InvalidRequest("cardNumber: " + cardNumber
                    + " is not a card number (its check digit does not match): check it was read right");
        }
        return queries.byCard(cardNumber);
    }

    /** Every change of the membership, in order, with its time and actor; the phone masked. */
    @Operation(summary = "Lists every change of a membership in order")
    @GetMapping("/{id}/history")
    @PreAuthorize("hasAnyRole('AFTER_SALES', 'CS_HEAD', 'AUDITOR')")
    List<EventHistory.Entry> history(@PathVariable String id) {
        return history.of("Member", id, () -> new NotFound("no member " + id));
    }
}
