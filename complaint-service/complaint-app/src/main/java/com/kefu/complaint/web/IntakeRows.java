package com.kefu.complaint.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.platform.print.PrintView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the desk took down at intake (C1), as the rows of a printed form: the customer (the phone masked, PD2),
 * channel, category, {@code priority} (the row each form words its own way), the merchant (blank when none),
 * subject and description. The registration form and the handling form print the same rows.
 */
final class IntakeRows {

    private IntakeRows() {
    }

    static List<Map<String, String>> of(PrintView view, JsonNode complaint, Map<String, String> priority) {
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(view.row("customer", complaint.path("customer").path("name").asText() + "  "
                + complaint.path("customer").path("maskedPhone").asText("")));
        rows.add(view.row("channel", complaint.path("channel").asText()));
        rows.add(view.row("category", complaint.path("category").asText()));
        rows.add(priority);
        JsonNode merchant = complaint.path("merchant");
        rows.add(view.row("merchant", merchant.isObject()
                ? merchant.path("shopNo").asText() + " " + merchant.path("name").asText("") : ""));
        rows.add(view.row("subject", complaint.path("subject").asText()));
        rows.add(view.row("description", complaint.path("description").asText("")));
        return rows;
    }
}
