package com.kefu.complaint.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.query.HandlingForm;
import com.kefu.platform.print.PrintView;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The handling form as a printable page, every label in Chinese and Russian (C8), with the list of the files attached
 * (C16: name, type, size, SHA-256; the bytes are not printed):
 * {@code templates/handling-form.mustache} with the labels of the console's {@code complaints.json} ({@link PrintView}).
 */
final class HandlingFormPage {

    /** The bundle keys the page uses, by the short name the template knows them by. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("number", "complaints.field.number"), Map.entry("status", "complaints.field.status"),
            Map.entry("customer", "complaints.field.customer"), Map.entry("channel", "complaints.field.channel"),
            Map.entry("category", "complaints.field.category"), Map.entry("severity", "complaints.field.severity"),
            Map.entry("priority", "complaints.field.priority"), Map.entry("merchant", "complaints.field.merchant"),
            Map.entry("subject", "complaints.field.subject"), Map.entry("description", "complaints.field.description"),
            Map.entry("filed", "complaints.form.filed"), Map.entry("steps", "complaints.form.steps"),
            Map.entry("when", "complaints.form.when"), Map.entry("step", "complaints.form.step"),
            Map.entry("by", "complaints.form.by"), Map.entry("content", "complaints.form.content"),
            Map.entry("attachments", "complaints.attachments.title"),
            Map.entry("fileName", "complaints.attachments.name"), Map.entry("fileType", "complaints.attachments.type"),
            Map.entry("fileSize", "complaints.attachments.size"), Map.entry("erased", "complaints.attachments.erased"));

    private static final PrintView VIEW = PrintView.of("handling-form", "complaints", LABELS);

    private HandlingFormPage() {
    }

    static String render(HandlingForm form, ZoneId zone) {
        JsonNode c = form.complaint();
        List<Map<String, String>> rows = IntakeRows.of(VIEW, c, Map.of(
                "zh", label("zh", "severity") + " / " + label("zh", "priority"),
                "ru", label("ru", "severity") + " / " + label("ru", "priority"),
                "value", c.path("severity").asText() + " / " + c.path("priority").asText()));
        Map<String, Object> page = new HashMap<>();
        page.put("title", form.title());
        page.put("number", form.number());
        page.put("status", form.status());
        page.put("filed", form.filed());
        page.put("rows", rows);
        page.put("steps", form.steps().stream().map(step -> {
            Map<String, Object> line = new HashMap<>();
            line.put("at", PrintView.time(step.at(), zone));
            line.put("labelZh", step.labelZh());
            line.put("labelRu", step.labelRu());
            line.put("by", step.by());
            line.put("details", details(step));
            return line;
        }).toList());
        page.put("attachments", form.attachments().stream().map(file -> {
            Map<String, Object> line = new HashMap<>();
            line.put("name", file.fileName());
            line.put("erased", file.erased());
            line.put("type", file.contentType());
            line.put("size", file.size());
            line.put("sha256", file.sha256());
            return line;
        }).toList());
        page.put("hasAttachments", !form.attachments().isEmpty());
        return VIEW.render(page);
    }

    private static String label(String language, String name) {
        return VIEW.label(language, name);
    }

    private static List<Map<String, String>> details(HandlingForm.Step step) {
        List<Map<String, String>> details = new ArrayList<>();
        if ("ComplaintReceived".equals(step.type())) {
            return details;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = step.details().fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("complaintId") || field.getKey().endsWith("At") || field.getKey().endsWith("By")
                    || field.getValue().isNull()) {
                continue;
            }
            details.add(Map.of("name", field.getKey(), "value", field.getValue().asText()));
        }
        return details;
    }
}
