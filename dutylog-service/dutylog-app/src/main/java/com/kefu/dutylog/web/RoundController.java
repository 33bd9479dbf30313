package com.kefu.dutylog.web;

import com.kefu.dutylog.command.RoundDesk;
import com.kefu.dutylog.query.RoundQueries;
import com.kefu.dutylog.query.RoundView;
import com.kefu.platform.axon.EventHistory;
import com.kefu.platform.idempotency.IdempotentCreates;
import com.kefu.platform.rules.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

import static com.kefu.dutylog.web.Access.READERS;
import static com.kefu.dutylog.web.Access.WRITERS;

/**
 * The desk's rounds of the lobby's facilities (D16, 第三章二 7, 9): a checklist with one result per item; each FAULT
 * becomes a repair order to engineering ({@code /api/repair-orders}).
 */
@RestController
@RequestMapping("/api/rounds")
@Validated
class RoundController {

    enum Result { OK, FAULT }

    private final RoundDesk desk;
    private final RoundQueries rounds;
    private final EventHistory history;

    RoundController(RoundDesk desk, RoundQueries rounds, EventHistory history) {
        this.desk = desk;
        this.rounds = rounds;
        this.history = history;
    }

    /** {@code note}: what is wrong, required for a FAULT (it is what engineering reads). */
    record CheckRequest(@NotBlank @Size(max = 200) String item, @NotNull Result result,
                        @Size(max = 2000) String note) {
    }

    /** {@code area}: where the round went (e.g. 一楼大厅 / холл 1 этажа). */
    record RoundRequest(@NotBlank @Size(max = 100) String area,
                        @NotEmpty @Size(max = 100) List<@Valid @NotNull CheckRequest> items) {
    }

    @Operation(summary = "Records a round of the lobby, with any repair orders it raises")
    @PostMapping
    @PreAuthorize(WRITERS)
    ResponseEntity<RoundView> record(@Valid @RequestBody RoundRequest request,
                                     @RequestHeader(name = IdempotentCreates.HEADER, required = false)
                                     @Size(max = 100) String idempotencyKey) {
        String id = desk.record(request.area().strip(), request.items().stream()
                .map(c -> new RoundDesk.Check(c.item(), c.result().name(), c.note())).toList(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/rounds/" + id)).body(get(id));
    }

    /** The latest rounds, newest first. */
    @Operation(summary = "Lists the latest rounds")
    @GetMapping
    @PreAuthorize(READERS)
    List<RoundView> recent(@RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return rounds.recent(limit);
    }

    @Operation(summary = "Shows a round")
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    RoundView get(@PathVariable String id) {
        return rounds.find(id).orElseThrow(() -> new NotFound("no round " + id));
    }

    @Operation(summary = "Lists a round's events in order")
    @GetMapping("/{id}/history")
    @PreAuthorize(READERS)
    List<EventHistory.Entry> history(@PathVariable String id) {
        return history.of("Round", id, () -> new NotFound("no round " + id));
    }
}
