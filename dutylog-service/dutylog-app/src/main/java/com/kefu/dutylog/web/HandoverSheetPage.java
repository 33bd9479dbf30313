package com.kefu.dutylog.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.dutylog.query.ShiftView;
import com.kefu.platform.print.PrintView;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A shift's page of the duty log with its handover as a printable sheet (D1, D6, D8, D15), every label in Chinese and
 * Russian: the post and day, who opened it, the entries, and once handed over the preparation, the items checked
 * face to face, the open matters, the superiors' instructions and both signatures:
 * {@code templates/handover-sheet.mustache} with the labels of the console's {@code desk.json} ({@link PrintView}).
 */
final class HandoverSheetPage {

    /** The bundle keys the page uses, by the short name the template knows them by. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("title", "desk.print.handoverSheet"), Map.entry("post", "desk.shift.post"),
            Map.entry("date", "desk.print.date"), Map.entry("openedBy", "desk.shift.openedBy"),
            Map.entry("entries", "desk.shift.entries"), Map.entry("occurredAt", "desk.entry.occurredAt"),
            Map.entry("category", "desk.entry.category"), Map.entry("description", "desk.entry.description"),
            Map.entry("handling", "desk.entry.handling"), Map.entry("outcome", "desk.entry.outcome"),
            Map.entry("recordedBy", "desk.entry.recordedBy"),
            Map.entry("preparation", "desk.handover.step.preparation"),
            Map.entry("recordsRead", "desk.handover.recordsRead"),
            Map.entry("itemsCounted", "desk.handover.itemsCounted"),
            Map.entry("equipmentChecked", "desk.handover.equipmentChecked"),
            Map.entry("items", "desk.handover.step.items"), Map.entry("itemName", "desk.handover.itemName"),
            Map.entry("quantity", "desk.handover.quantity"), Map.entry("checked", "desk.handover.checked"),
            Map.entry("matters", "desk.handover.step.matters"), Map.entry("subject", "desk.matter.subject"),
            Map.entry("cause", "desk.matter.cause"), Map.entry("course", "desk.matter.course"),
            Map.entry("result", "desk.matter.result"), Map.entry("instructions", "desk.handover.instructions"),
            Map.entry("instructionFrom", "desk.handover.instructionFrom"),
            Map.entry("instructionText", "desk.handover.instructionText"),
            Map.entry("outgoing", "desk.print.outgoing"), Map.entry("handedOverAt", "desk.print.handedOverAt"),
            Map.entry("incoming", "desk.handover.incoming"), Map.entry("incomingFit", "desk.handover.incomingFit"),
            Map.entry("substitute", "desk.handover.substitute"), Map.entry("acceptedAt", "desk.print.acceptedAt"),
            Map.entry("yes", "desk.print.yes"), Map.entry("no", "desk.print.no"));

    private static final PrintView VIEW = PrintView.of("handover-sheet", "desk", LABELS);

    private HandoverSheetPage() {
    }

    static String render(ShiftView shift, ZoneId zone) {
        Map<String, Object> page = new HashMap<>();
        page.put("post", shift.post());
        page.put("date", shift.date().toString());
        page.put("openedBy", shift.openedBy());
        page.put("openedAt", PrintView.time(shift.openedAt(), zone));
        page.put("entries", shift.entries().stream().map(entry -> {
            Map<String, Object> line = new HashMap<>();
            line.put("at", PrintView.time(entry.occurredAt(), zone));
            line.put("category", entry.category());
            line.put("description", entry.description());
            line.put("handling", entry.handling());
            line.put("outcome", entry.outcome());
            line.put("recordedBy", entry.recordedBy());
            return line;
        }).toList());
        if (shift.handover() != null && !shift.handover().isNull()) {
            page.put("handover", handover(shift.handover(), shift.handoverAcceptance(), zone));
        }
        return VIEW.render(page);
    }

    private static Map<String, Object> handover(JsonNode handover, JsonNode acceptance, ZoneId zone) {
        Map<String, Object> signed = new HashMap<>();
        JsonNode preparation = handover.path("preparation");
        List.of("recordsRead", "itemsCounted", "equipmentChecked")
                .forEach(step -> signed.put(step, VIEW.yesNo(preparation.path(step).asBoolean())));
        List<Map<String, Object>> items = new ArrayList<>();
        handover.path("items").forEach(item -> items.add(Map.of("name", item.path("name").asText(),
                "quantity", item.path("quantity").asInt(), "checked", VIEW.yesNo(item.path("checked").asBoolean()))));
        signed.put("items", items);
        List<Map<String, Object>> matters = new ArrayList<>();
        handover.path("openMatters").forEach(matter -> matters.add(Map.of("subject", matter.path("subject").asText(),
                "cause", matter.path("cause").asText(""), "course", matter.path("course").asText(""),
                "result", matter.path("result").asText(""))));
        signed.put("matters", matters);
        List<Map<String, Object>> instructions = new ArrayList<>();
        handover.path("instructions").forEach(instruction -> instructions.add(Map.of(
                "from", instruction.path("from").asText(), "text", instruction.path("text").asText())));
        signed.put("instructions", instructions);
        signed.put("outgoing", handover.path("outgoing").asText());
        signed.put("incoming", handover.path("incoming").asText());
        signed.put("incomingFit", VIEW.yesNo(handover.path("incomingFit").asBoolean()));
        signed.put("substitute", handover.path("substitute").asText(""));
        signed.put("handedOverAt", PrintView.time(Instant.parse(handover.path("handedOverAt").asText()), zone));
        if (acceptance != null && acceptance.hasNonNull("acceptedBy")) {
            signed.put("acceptedBy", acceptance.path("acceptedBy").asText());
            signed.put("acceptedAt", PrintView.time(Instant.parse(acceptance.path("acceptedAt").asText()), zone));
        }
        return signed;
    }
}
