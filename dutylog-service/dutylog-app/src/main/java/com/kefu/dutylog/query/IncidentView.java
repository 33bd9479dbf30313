package com.kefu.dutylog.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * An emergency incident form (D4) with its photos; {@code resolved} once its outcome is recorded. A fire's
 * {@code fireChecklist} (D13; null for other incidents) shows its steps and which are still open. {@code kind}: who
 * it befell, for a guest taken ill or drunk or an accident (D14), whose {@code notice} shows who was told and when.
 */
public record IncidentView(String id, String shiftId, String category, boolean major, String reporter,
                           String location, String description, JsonNode fire, Instant occurredAt,
                           String reportedBy, Instant reportedAt, boolean resolved, String outcome,
                           String resolvedBy, Instant resolvedAt, List<Photo> photos, FireChecklist fireChecklist,
                           String kind, Notice notice) {

    /**
     * The notice to the CS manager and the CS head (D14): sent at {@code sentAt}; {@code told} per role, in the
     * rulebook's order, with who acknowledged it and when (null while not yet); {@code waiting}: the roles not yet
     * told.
     */
    public record Notice(Instant sentAt, List<Told> told, List<String> waiting) {
    }

    public record Told(String role, String by, Instant at) {
    }

    /**
     * After 篇2 T1: the reporter ({@code reporter}), where they are ({@code position}) and are heading
     * ({@code heading}); each step in the rulebook's order; {@code open}: the steps neither done nor marked not
     * needed, which hold up the fire's resolution.
     */
    public record FireChecklist(String reporter, String position, String heading, List<Step> steps,
                                List<String> open) {
    }

    /**
     * {@code status} OPEN, DONE or NOT_NEEDED; {@code by} and {@code at}: who ticked it and when; {@code note} of a
     * step done, {@code reason} of one not needed.
     */
    public record Step(String step, String status, String by, Instant at, String note, String reason) {
    }

    /** {@code href}: where the photo's bytes are served. */
    public record Photo(String id, String contentType, long size, String sha256, String uploadedBy,
                        Instant uploadedAt, String href) {
    }
}
