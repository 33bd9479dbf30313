package com.kefu.dutylog.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.FireStep;
import com.kefu.dutylog.api.IncidentKind;
import com.kefu.dutylog.query.IncidentView;
import com.kefu.platform.print.PrintView;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The emergency incident form (《紧急情况处理登记表》, D4) as a printable page, every label in Chinese and Russian: what
 * happened, where and when, who reported it and who filled in the form; a fire's details and its checklist (D10,
 * D13); the notice to the CS manager and head (D14); the on-site photos themselves (the page stands alone on paper and
 * offline: each photo is in it, with its SHA-256); and how it was resolved. {@code templates/incident-form.mustache}
 * with the labels of the console's {@code desk.json} ({@link PrintView}).
 */
final class IncidentFormPage {

    /** The bundle keys the page uses, by the short name the template and this class know them by. */
    static final Map<String, String> LABELS = labels();

    private static final PrintView VIEW = PrintView.of("incident-form", "desk", LABELS);

    private IncidentFormPage() {
    }

    /** The form of {@code incident}; {@code photo} gives a photo's bytes by its id. */
    static String render(IncidentView incident, ZoneId zone, Function<String, byte[]> photo) {
        Map<String, Object> page = new HashMap<>();
        page.put("location", incident.location());
        page.put("occurredAt", PrintView.time(incident.occurredAt(), zone));
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(VIEW.row("category", VIEW.both("category." + incident.category())));
        rows.add(VIEW.row("major", VIEW.yesNo(incident.major())));
        if (incident.kind() != null) {
            rows.add(VIEW.row("kind", VIEW.both("kind." + incident.kind())));
        }
        rows.add(VIEW.row("occurredAtLabel", PrintView.time(incident.occurredAt(), zone)));
        rows.add(VIEW.row("location", nonNull(incident.location())));
        rows.add(VIEW.row("reporter", nonNull(incident.reporter())));
        rows.add(VIEW.row("description", nonNull(incident.description())));
        rows.add(VIEW.row("reportedBy", incident.reportedBy() + " " + PrintView.time(incident.reportedAt(), zone)));
        page.put("rows", rows);
        JsonNode fire = incident.fire();
        if (fire != null && !fire.isNull()) {
            page.put("fire", Map.of("rows", List.of(
                    VIEW.row("fireLocation", fire.path("fireLocation").asText("")),
                    VIEW.row("burning", fire.path("burning").asText("")),
                    VIEW.row("flame", VIEW.yesNo(fire.path("flame").asBoolean())),
                    VIEW.row("smoke", VIEW.yesNo(fire.path("smoke").asBoolean())))));
        }
        if (incident.fireChecklist() != null) {
            page.put("checklist", Map.of("steps", incident.fireChecklist().steps().stream().map(step -> {
                Map<String, Object> line = new HashMap<>();
                line.put("step", VIEW.both("step." + step.step()));
                line.put("status", VIEW.both("status." + step.status()));
                line.put("by", nonNull(step.by()));
                line.put("at", PrintView.time(step.at(), zone));
                line.put("text", step.note() != null ? step.note() : nonNull(step.reason()));
                return line;
            }).toList()));
        }
        if (incident.notice() != null) {
            page.put("notice", Map.of("sentAt", PrintView.time(incident.notice().sentAt(), zone),
                    "told", incident.notice().told().stream().map(told -> Map.of(
                            "role", VIEW.both("role." + told.role()), "by", nonNull(told.by()),
                            "at", PrintView.time(told.at(), zone))).toList()));
        }
        page.put("photos", incident.photos().stream().map(shot -> Map.of(
                "contentType", shot.contentType(), "data", Base64.getEncoder().encodeToString(photo.apply(shot.id())),
                "uploadedBy", shot.uploadedBy(), "uploadedAt", PrintView.time(shot.uploadedAt(), zone),
                "sha256", shot.sha256())).toList());
        List<Map<String, String>> closing = new ArrayList<>();
        closing.add(VIEW.row("state", VIEW.both(incident.resolved() ? "resolved" : "open")));
        if (incident.resolved()) {
            closing.add(VIEW.row("outcome", nonNull(incident.outcome())));
            closing.add(VIEW.row("resolvedBy", incident.resolvedBy() + " " + PrintView.time(incident.resolvedAt(), zone)));
        }
        page.put("closing", closing);
        return VIEW.render(page);
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>(Map.ofEntries(
                Map.entry("title", "desk.entry.incidentForm"), Map.entry("category", "desk.entry.category"),
                Map.entry("major", "desk.incident.major"), Map.entry("kind", "desk.incident.kind"),
                Map.entry("occurredAtLabel", "desk.entry.occurredAt"), Map.entry("location", "desk.incident.location"),
                Map.entry("reporter", "desk.incident.reporter"), Map.entry("description", "desk.incident.description"),
                Map.entry("reportedBy", "desk.incident.reportedBy"), Map.entry("fire", "desk.incident.fire"),
                Map.entry("fireLocation", "desk.incident.fireLocation"), Map.entry("burning", "desk.incident.burning"),
                Map.entry("flame", "desk.incident.flame"), Map.entry("smoke", "desk.incident.smoke"),
                Map.entry("steps", "desk.fire.title"), Map.entry("notice", "desk.notice.title"),
                Map.entry("sentAt", "desk.print.noticeSentAt"), Map.entry("photos", "desk.photo.title"),
                Map.entry("noPhotos", "desk.photo.none"), Map.entry("state", "desk.print.state"),
                Map.entry("open", "desk.incident.open"), Map.entry("resolved", "desk.incident.resolved"),
                Map.entry("outcome", "desk.incident.outcome"), Map.entry("resolvedBy", "desk.print.resolvedBy"),
                Map.entry("yes", "desk.print.yes"), Map.entry("no", "desk.print.no")));
        Stream.of(EntryCategory.values()).forEach(value -> labels.put("category." + value, "desk.category." + value));
        Stream.of(IncidentKind.values()).forEach(value -> labels.put("kind." + value, "desk.kind." + value));
        Stream.of(FireStep.values()).forEach(value -> labels.put("step." + value, "desk.fire.step." + value));
        Stream.of("OPEN", "DONE", "NOT_NEEDED").forEach(value -> labels.put("status." + value,
                "desk.fire.status." + value));
        Stream.of("CS_MANAGER", "CS_HEAD").forEach(role -> labels.put("role." + role, "desk.print.role." + role));
        return Map.copyOf(labels);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
