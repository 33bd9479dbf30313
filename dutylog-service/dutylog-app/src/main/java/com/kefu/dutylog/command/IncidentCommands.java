package com.kefu.dutylog.command;

import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.FireDetails;
import com.kefu.dutylog.api.IncidentKind;
import com.kefu.dutylog.api.FireStep;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** The commands of an emergency incident form (D4, D10) and of a fire's checklist (D13). */
final class IncidentCommands {

    private IncidentCommands() {
    }

    /**
     * {@code heading}: where the reporter of a fire is heading (去向, D13), null if not told; {@code kind}: who it
     * befell, for the incidents the CS manager and the CS head are told of at once (D14), else null.
     */
    record ReportIncidentCommand(@TargetAggregateIdentifier String incidentId, String shiftId,
                                 EntryCategory category, boolean major, String reporter, String location,
                                 String description, FireDetails fire, String heading, IncidentKind kind,
                                 Instant occurredAt, String reportedBy, Instant reportedAt) {
    }

    /** The caller, with {@code roles}, acknowledges the incident's notice for each of them still to be told (D14). */
    record AcknowledgeNoticeCommand(@TargetAggregateIdentifier String incidentId, List<String> roles,
                                    String acknowledgedBy, Instant acknowledgedAt) {
    }

    /** A step of a fire's checklist done (D13). */
    record TickFireStepCommand(@TargetAggregateIdentifier String incidentId, FireStep step, String note,
                               String doneBy, Instant doneAt) {
    }

    /** A step of a fire's checklist not needed, with the reason (D13). */
    record MarkFireStepNotNeededCommand(@TargetAggregateIdentifier String incidentId, FireStep step,
                                        String reason, String markedBy, Instant markedAt) {
    }

    record AttachPhotoCommand(@TargetAggregateIdentifier String incidentId, String photoId,
                              String contentType, long size, String sha256, String attachedBy,
                              Instant attachedAt) {
    }

    record ResolveIncidentCommand(@TargetAggregateIdentifier String incidentId, String outcome,
                                  String resolvedBy, Instant resolvedAt) {
    }
}
