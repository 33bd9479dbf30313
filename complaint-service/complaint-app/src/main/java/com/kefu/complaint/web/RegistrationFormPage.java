package com.kefu.complaint.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.query.HandlingForm;
import com.kefu.platform.print.PrintView;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The customer information registration form (《客户信息登记表》, C1) as a printable page, every label in Chinese and
 * Russian: what the desk took down at intake — the customer (the phone masked, PD2), channel, category, subject,
 * description, the merchant if any, who received it and when. {@code templates/registration-form.mustache} with the
 * labels of the console's {@code complaints.json} ({@link PrintView}).
 */
final class RegistrationFormPage {

    /** The bundle keys the page uses, by the short name the template knows them by. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("title", "complaints.registration.title"), Map.entry("number", "complaints.field.number"),
            Map.entry("customer", "complaints.field.customer"), Map.entry("channel", "complaints.field.channel"),
            Map.entry("category", "complaints.field.category"), Map.entry("priority", "complaints.field.priority"),
            Map.entry("merchant", "complaints.field.merchant"), Map.entry("subject", "complaints.field.subject"),
            Map.entry("description", "complaints.field.description"),
            Map.entry("receivedBy", "complaints.field.receivedBy"),
            Map.entry("receivedAt", "complaints.field.receivedAt"));

    private static final PrintView VIEW = PrintView.of("registration-form", "complaints", LABELS);

    private RegistrationFormPage() {
    }

    /** The registration of {@code form}'s complaint: its first step is the intake. */
    static String render(HandlingForm form, ZoneId zone) {
        JsonNode c = form.complaint();
        List<Map<String, String>> rows = new ArrayList<>(IntakeRows.of(VIEW, c,
                VIEW.row("priority", c.path("priority").asText())));
        form.steps().stream().filter(step -> step.type().equals("ComplaintReceived")).findFirst().ifPresent(intake -> {
            rows.add(VIEW.row("receivedBy", intake.by()));
            rows.add(VIEW.row("receivedAt", PrintView.time(intake.at(), zone)));
        });
        return VIEW.render(Map.of("number", form.number(), "rows", rows));
    }
}
