package com.kefu.dutylog.web;

import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.query.DutyDayQueries;
import com.kefu.dutylog.query.ShiftView;
import com.kefu.platform.print.PrintView;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A duty day's log as a printable page (D1, D5, D12), every label in Chinese and Russian: each page of the day (a
 * post's shift) with the day's entries on it, then the CS manager's signature with the SHA-256 digest it sealed, the
 * digest of the entries now and whether they still match; then each addendum with its own signature chained to the one
 * before. {@code templates/duty-day-log.mustache} with the labels of the console's {@code dutyday.json} and
 * {@code desk.json} ({@link PrintView}).
 */
final class DutyDayLogPage {

    static final Map<String, String> LABELS = labels();

    private static final PrintView VIEW = PrintView.of("duty-day-log", List.of("dutyday", "desk"), LABELS);

    private DutyDayLogPage() {
    }

    /**
     * The log of {@code day}: its pages in the order they were opened, each with the entries {@code ofTheDay} keeps
     * (an entry belongs to the day it happened on, whichever page holds it), and its signature and addenda.
     */
    static String render(DutyDayQueries.DutyDayView day, List<ShiftView> pages, Predicate<Instant> ofTheDay,
                         ZoneId zone) {
        Map<String, Object> page = new HashMap<>();
        page.put("date", day.date().toString());
        page.put("pages", pages.stream().map(shift -> {
            Map<String, Object> sheet = new HashMap<>();
            sheet.put("post", shift.post());
            sheet.put("date", shift.date().toString());
            sheet.put("openedBy", shift.openedBy());
            sheet.put("openedAt", PrintView.time(shift.openedAt(), zone));
            sheet.put("entries", shift.entries().stream().filter(entry -> ofTheDay.test(entry.occurredAt()))
                    .map(entry -> entry(entry.occurredAt(), entry.category(), entry.description(), entry.handling(),
                            entry.outcome(), entry.recordedBy(), entry.corrects(), zone)).toList());
            return sheet;
        }).toList());
        if (day.signature() != null) {
            DutyDayQueries.Signature signature = day.signature();
            page.put("signature", Map.of("rows", List.of(
                    VIEW.row("signedBy", signature.signedBy() + " " + PrintView.time(signature.signedAt(), zone)),
                    VIEW.row("digest", signature.digest()),
                    VIEW.row("entriesSigned", Integer.toString(signature.entries())),
                    VIEW.row("currentDigest", day.current().sha256()),
                    VIEW.row("entriesNow", Integer.toString(day.current().entries())),
                    VIEW.row("intact", VIEW.yesNo(Boolean.TRUE.equals(day.intact()))))));
        }
        page.put("addenda", day.addenda().stream().map(addendum -> {
            Map<String, Object> sheet = new HashMap<>();
            sheet.put("number", addendum.number());
            sheet.put("entries", addendum.entries().stream().map(entry -> {
                Map<String, Object> line = entry(entry.occurredAt(), entry.category(), entry.description(),
                        entry.handling(), entry.outcome(), entry.recordedBy(), entry.corrects(), zone);
                line.put("recordedAt", PrintView.time(entry.recordedAt(), zone));
                return line;
            }).toList());
            List<Map<String, String>> rows = new ArrayList<>();
            if (addendum.signature() == null) {
                rows.add(VIEW.row("addendumState", VIEW.both("addendumUnsigned")));
            } else {
                rows.add(VIEW.row("signedBy", addendum.signature().signedBy() + " "
                        + PrintView.time(addendum.signature().signedAt(), zone)));
                rows.add(VIEW.row("addendumDigest", addendum.signature().digest()));
                rows.add(VIEW.row("previousDigest", addendum.signature().previousDigest()));
                rows.add(VIEW.row("intact", VIEW.yesNo(Boolean.TRUE.equals(addendum.intact()))));
            }
            sheet.put("rows", rows);
            return sheet;
        }).toList());
        return VIEW.render(page);
    }

    private static Map<String, Object> entry(Instant at, String category, String description, String handling,
                                             String outcome, String recordedBy, String corrects, ZoneId zone) {
        Map<String, Object> line = new HashMap<>();
        line.put("at", PrintView.time(at, zone));
        line.put("category", LABELS.containsKey("category." + category) ? VIEW.both("category." + category) : category);
        line.put("description", description);
        line.put("handling", handling == null ? "" : handling);
        line.put("outcome", outcome == null ? "" : outcome);
        line.put("recordedBy", recordedBy);
        line.put("corrects", corrects == null ? "" : VIEW.label("zh", "corrects") + " " + corrects.substring(0,
                Math.min(8, corrects.length())));
        return line;
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>(Map.ofEntries(
                Map.entry("title", "dutyday.print.title"), Map.entry("date", "dutyday.date"),
                Map.entry("post", "desk.shift.post"), Map.entry("openedBy", "desk.shift.openedBy"),
                Map.entry("time", "dutyday.time"), Map.entry("category", "dutyday.category"),
                Map.entry("what", "dutyday.what"), Map.entry("handling", "dutyday.handling"),
                Map.entry("outcome", "dutyday.outcome"), Map.entry("recordedBy", "dutyday.recordedBy"),
                Map.entry("recordedAt", "dutyday.addendum.recordedAt"), Map.entry("noEntries", "dutyday.noEntries"),
                Map.entry("corrects", "dutyday.print.corrects"), Map.entry("signature", "dutyday.signature"),
                Map.entry("unsigned", "dutyday.unsigned"), Map.entry("signedBy", "dutyday.signedBy"),
                Map.entry("digest", "dutyday.digest"), Map.entry("entriesSigned", "dutyday.entriesSigned"),
                Map.entry("currentDigest", "dutyday.currentDigest"), Map.entry("entriesNow", "dutyday.entriesNow"),
                Map.entry("intact", "dutyday.intact"), Map.entry("addendum", "dutyday.print.addendum"),
                Map.entry("addendumState", "dutyday.status"), Map.entry("addendumUnsigned", "dutyday.addendum.unsigned"),
                Map.entry("addendumDigest", "dutyday.addendum.digest"),
                Map.entry("previousDigest", "dutyday.addendum.previousDigest"),
                Map.entry("yes", "desk.print.yes"), Map.entry("no", "desk.print.no")));
        Stream.of(EntryCategory.values()).forEach(value -> labels.put("category." + value, "desk.category." + value));
        return Map.copyOf(labels);
    }
}
