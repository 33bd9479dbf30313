package com.kefu.complaint.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.query.HandlingForm.Step;
import com.kefu.platform.axon.EventHistory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Fills the handling form from the complaint's history (C8): the same events an auditor replays; and its attachments
 * (C16).
 */
@Component
public class HandlingForms {

    private final EventHistory history;
    private final AttachmentQueries attachments;

    HandlingForms(EventHistory history, AttachmentQueries attachments) {
        this.history = history;
        this.attachments = attachments;
    }

    public Optional<HandlingForm> of(String complaintId) {
        List<EventHistory.Entry> entries = history.of("Complaint", complaintId);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        JsonNode received = entries.get(0).data();
        List<Step> steps = entries.stream()
                .filter(entry -> HandlingForm.LABELS.containsKey(entry.type()))
                .map(entry -> new Step(entry.type(), HandlingForm.LABELS.get(entry.type()).get(0),
                        HandlingForm.LABELS.get(entry.type()).get(1), entry.occurredAt(), entry.actor(),
                        entry.data()))
                .toList();
        String status = status(steps);
        return Optional.of(new HandlingForm(HandlingForm.TITLE, received.path("number").asText(), status,
                "ARCHIVED".equals(status), received, steps,
                attachments.list(AttachmentQueries.COMPLAINT, complaintId)));
    }

    private static String status(List<Step> steps) {
        String status = "RECEIVED";
        for (Step step : steps) {
            status = switch (step.type()) {
                case "ComplaintEscalated" -> "ESCALATED";
                case "ComplaintAssigned", "ComplaintReopened" -> "ASSIGNED";
                case "ComplaintResolved" -> "RESOLVED";
                case "ComplaintFollowedUp" -> step.details().path("satisfied").asBoolean() ? "FOLLOWED_UP" : status;
                case "ComplaintArchived" -> "ARCHIVED";
                default -> status;
            };
        }
        return status;
    }
}
