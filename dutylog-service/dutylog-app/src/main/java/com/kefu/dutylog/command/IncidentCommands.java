package com.kefu.dutylog.command;

import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.FireDetails;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The commands of an emergency incident form (D4, D10). */
public final class IncidentCommands {

    private IncidentCommands() {
    }

    public record ReportIncidentCommand(@TargetAggregateIdentifier String incidentId, String shiftId,
                                        EntryCategory category, boolean major, String reporter, String location,
                                        String description, FireDetails fire, Instant occurredAt, String reportedBy,
                                        Instant reportedAt) {
    }

    public record AttachPhotoCommand(@TargetAggregateIdentifier String incidentId, String photoId,
                                     String contentType, long size, String sha256, String attachedBy,
                                     Instant attachedAt) {
    }

    public record ResolveIncidentCommand(@TargetAggregateIdentifier String incidentId, String outcome,
                                         String resolvedBy, Instant resolvedAt) {
    }
}
