package com.kefu.platform.axon;

import com.kefu.platform.rules.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every record of the service for auditors (A4), AUDITOR and ADMIN, through the gateway (which sends {@code
 * /api/audit/complaint/**} to complaint-service and so on; a service answers only for its own name): the kinds of record
 * ({@link AuditedRecords}), one record's history ({@link EventHistory}) and the record as its ordinary read shows it,
 * now or as it was at {@code asOf} ({@link RecordsAsOf}: the record as it was, its neighbours as they are). An id of
 * another kind is no record of this one (404).
 */
@RestController
@Validated
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
public class AuditedRecordsController {

    private final AuditedRecords records;
    private final EventHistory history;
    private final RecordsAsOf asOf;
    private final String service;

    public AuditedRecordsController(AuditedRecords records, EventHistory history, RecordsAsOf asOf, String service) {
        this.records = records;
        this.history = history;
        this.asOf = asOf;
        this.service = service;
    }

    /** A kind of record: its name in the paths below, its aggregate's type, the roles that read it in the API. */
    public record KindView(String kind, String aggregateType, List<String> readers) {
    }

    @Operation(summary = "Lists the kinds of record of the service that auditors can open")
    @GetMapping("/api/audit/{service}/records")
    public List<KindView> kinds(@PathVariable String service) {
        ownName(service);
        return records.kinds().stream()
                .map(kind -> new KindView(kind.name(), kind.aggregateType(), kind.readers()))
                .toList();
    }

    @Operation(summary = "Lists one record's events in order, with time and actor, personal data masked")
    @GetMapping("/api/audit/{service}/records/{kind}/{id}/history")
    public List<EventHistory.Entry> history(@PathVariable String service, @PathVariable String kind,
                                            @PathVariable @Size(max = 200) String id) {
        AuditedRecords.Kind found = kind(service, kind);
        return history.of(found.aggregateType(), id, () -> new NotFound("no " + kind + " record " + id));
    }

    @Operation(summary = "Shows one record as its ordinary read does, now or as it was at an instant (asOf)")
    @GetMapping("/api/audit/{service}/records/{kind}/{id}")
    public Object record(@PathVariable String service, @PathVariable String kind,
                         @PathVariable @Size(max = 200) String id,
                         @Parameter(description = "ISO-8601 instant: the record as it was then; now when absent")
                         @RequestParam(required = false) Instant asOf) {
        AuditedRecords.Kind found = kind(service, kind);
        Optional<?> view = asOf == null
                ? (this.asOf.isOfKind(found.aggregateType(), id) ? found.read().apply(id) : Optional.empty())
                : this.asOf.of(found.aggregateType(), id, asOf, found.read());
        return view.orElseThrow(() -> new NotFound("no " + kind + " record " + id
                + (asOf == null ? "" : " at " + asOf)));
    }

    private AuditedRecords.Kind kind(String service, String kind) {
        ownName(service);
        return records.kind(kind).orElseThrow(() -> new NotFound("no kind of record " + kind + " in " + this.service
                + "; the kinds are at /api/audit/" + this.service + "/records"));
    }

    private void ownName(String service) {
        if (!this.service.equals(service)) {
            throw new NotFound("this is the " + this.service + " service; ask /api/audit/" + this.service
                    + "/records");
        }
    }
}
