package com.kefu.dutylog.web;

import com.kefu.dutylog.command.DutyDay;
import com.kefu.dutylog.command.DutyDays;
import com.kefu.dutylog.query.DutyDayQueries;
import com.kefu.platform.axon.EventHistory;
import com.kefu.dutylog.query.IncidentQueries;
import com.kefu.dutylog.query.ShiftQueries;
import com.kefu.dutylog.query.ShiftView;
import com.kefu.platform.time.MallTime;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.kefu.dutylog.web.Access.MANAGER;
import static com.kefu.dutylog.web.Access.READERS;

/** Duty days: the manager's signature that seals a day, and whether the day still matches it (D5). */
@RestController
@RequestMapping("/api/duty-days")
class DutyDayController {

    private static final Set<String> ENTRIES = Set.of("EntryRecorded", "EntryCorrected");

    private final DutyDays days;
    private final DutyDayQueries queries;
    private final ShiftQueries shifts;
    private final IncidentQueries incidents;
    private final EventHistory history;
    private final MallTime mallTime;

    DutyDayController(DutyDays days, DutyDayQueries queries, ShiftQueries shifts, IncidentQueries incidents,
                      EventHistory history, MallTime mallTime) {
        this.days = days;
        this.queries = queries;
        this.shifts = shifts;
        this.incidents = incidents;
        this.history = history;
        this.mallTime = mallTime;
    }

    @Operation(summary = "Signs off the day's duty log")
    @PostMapping("/{date}/signature")
    @PreAuthorize(MANAGER)
    DutyDayQueries.DutyDayView sign(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        days.sign(date);
        return queries.find(date);
    }

    @Operation(summary = "Shows a duty day's log and its addenda")
    @GetMapping("/{date}")
    @PreAuthorize(READERS)
    DutyDayQueries.DutyDayView get(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return queries.find(date);
    }

    /**
     * The day's log as a printable page, Chinese and Russian labels (D1, D5, D12): its pages in the order they were
     * opened with the day's entries, the signature and its digest, whether the entries still match, the addenda.
     */
    @Operation(summary = "Prints a duty day's log with its signature and digest, bilingual")
    @GetMapping(value = "/{date}/log", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize(READERS)
    ResponseEntity<String> log(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Set<String> ids = new HashSet<>(shifts.shiftsDated(date));
        ids.addAll(shifts.shiftsWithEntriesOn(date));
        List<ShiftView> pages = ids.stream().map(shifts::find).flatMap(Optional::stream)
                .sorted(Comparator.comparing(ShiftView::openedAt)).toList();
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(DutyDayLogPage.render(queries.find(date), pages, at -> days.dayOf(at).equals(date),
                        mallTime.zone()));
    }

    /**
     * The events of the day, as they happened: its pages (opened, carried over, handed over), the entries and
     * corrections of that day whatever page holds them, its incidents and its signature.
     */
    @Operation(summary = "Lists the events of a duty day in order")
    @GetMapping("/{date}/history")
    @PreAuthorize(READERS)
    List<EventHistory.Entry> history(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Set<String> pages = Set.copyOf(shifts.shiftsDated(date));
        Set<String> shiftsOfDay = new HashSet<>(pages);
        shiftsOfDay.addAll(shifts.shiftsWithEntriesOn(date));
        List<String> ids = new ArrayList<>(shiftsOfDay);
        ids.addAll(incidents.incidentsOn(date));
        ids.add(DutyDay.idOf(date));
        return history.of(Set.of("Shift", "Incident", "DutyDay"), ids).stream().filter(event -> {
            if (ENTRIES.contains(event.type())) {
                return days.dayOf(Instant.parse(event.data().get("occurredAt").asText())).equals(date);
            }
            return !shiftsOfDay.contains(event.aggregateId()) || pages.contains(event.aggregateId());
        }).toList();
    }
}
