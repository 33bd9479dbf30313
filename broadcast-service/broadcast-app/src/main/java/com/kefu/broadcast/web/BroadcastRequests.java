package com.kefu.broadcast.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.kefu.broadcast.command.ReviewVerdict;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** The bodies of the broadcast calls besides a script's texts ({@link DraftScriptRequest}). */
final class BroadcastRequests {

    static final String LANGUAGE = "zh|ru";

    private BroadcastRequests() {
    }

    /** {@code POST /api/scripts/{id}/approve}: optionally the days it may air (B3). */
    record Approval(LocalDate validFrom, LocalDate validUntil) {
    }

    record Rejection(@NotBlank @Size(max = 2000) String reason) {
    }

    record Withdrawal(@Size(max = 2000) String reason) {
    }

    /** {@code POST /api/airings} (B4). */
    record AiringRequest(@NotBlank @Size(max = 36) String scriptId,
                         @NotNull @Pattern(regexp = LANGUAGE, message = "must be zh or ru") String language) {
    }

    /** {@code POST /api/plans/{date}/slots} (B1). */
    record SlotRequest(@NotNull @JsonFormat(pattern = "HH:mm") LocalTime time,
                       @NotBlank @Size(max = 60) String programme,
                       @NotBlank @Size(max = 36) String scriptId,
                       @Size(max = 36) String equipmentId) {
    }

    /** {@code PUT /api/plans/recurring-slots/{id}} (B1): a slot of every day; its script may be chosen later. */
    record RecurringSlotRequest(@NotNull @JsonFormat(pattern = "HH:mm") LocalTime time,
                                @NotBlank @Size(max = 60) String programme,
                                @Size(max = 36) String scriptId,
                                @Size(max = 36) String equipmentId) {
    }

    /** {@code POST /api/programmes/{programme}/reviews} (B5). */
    record ReviewRequest(@NotNull ReviewVerdict verdict,
                         @NotBlank @Size(max = 4000) String note,
                         @Size(max = 36) String scriptId,
                         @Positive Integer scriptVersion) {
    }

    /** {@code POST /api/equipment} (B6). */
    record EquipmentRequest(@NotBlank @Size(max = 120) String name, @Size(max = 120) String location) {
    }

    /** {@code POST /api/equipment/{id}/maintenance} (B6): done by whom and when, by default the caller and now. */
    record MaintenanceRequest(@NotBlank @Size(max = 4000) String description,
                              @Size(max = 60) String performedBy,
                              Instant performedAt) {
    }

    record FaultRequest(@NotBlank @Size(max = 4000) String description) {
    }

    record Repair(@NotBlank @Size(max = 4000) String repair) {
    }

    /** {@code POST /api/emergencies} (B7): staff call for a template directly, e.g. a lost child at the desk. */
    record EmergencyRequest(@NotBlank @Size(max = 40) String template, @Size(max = 2000) String cause) {
    }

    /** A new record's id. */
    record Created(String id) {
    }
}
