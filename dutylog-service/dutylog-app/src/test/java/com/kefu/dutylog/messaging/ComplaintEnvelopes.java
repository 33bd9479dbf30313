package com.kefu.dutylog.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Test data: complaint.events envelopes as complaint-service publishes them, timed by the test's clock. */
final class ComplaintEnvelopes {

    private ComplaintEnvelopes() {
    }

    static String received(Clock clock, UUID eventId, String complaintId, String number, String channel) {
        Instant now = clock.instant().minusSeconds(5);
        return """
                {"id":"%s","type":"ComplaintReceived","version":1,"aggregateId":"%s","sequence":0,
                 "occurredAt":"%s","actor":"desk","department":null,
                 "data":{"complaintId":"%s","number":"%s","channel":"%s","category":"SERVICE_ATTITUDE",
                         "severity":"NORMAL","priority":"NORMAL",
                         "customer":{"name":"王芳","maskedPhone":"138****5678"},
                         "subject":"态度差 %s","description":"...","receivedBy":"desk","receivedAt":"%s"}}"""
                .formatted(eventId, complaintId, now, complaintId, number, channel, number, now);
    }

    static String escalated(Clock clock, UUID eventId, String complaintId, String number, String severity) {
        Instant now = clock.instant().minusSeconds(4);
        return """
                {"id":"%s","type":"ComplaintEscalated","version":1,"aggregateId":"%s","sequence":2,
                 "occurredAt":"%s","actor":"aftersales","department":null,
                 "data":{"complaintId":"%s","number":"%s","severity":"%s","reason":"涉及安全",
                         "escalatedBy":"aftersales","escalatedAt":"%s"}}"""
                .formatted(eventId, complaintId, now, complaintId, number, severity, now);
    }

    static String resolved(Clock clock, UUID eventId, String complaintId) {
        Instant now = clock.instant().minusSeconds(3);
        return """
                {"id":"%s","type":"ComplaintResolved","version":1,"aggregateId":"%s","sequence":5,
                 "occurredAt":"%s","actor":"engineering","department":"engineering",
                 "data":{"complaintId":"%s","department":"engineering","result":"已修","resolvedBy":"engineering",
                         "resolvedAt":"%s"}}"""
                .formatted(eventId, complaintId, now, complaintId, now);
    }

    static String supervisorInstructions(Clock clock, UUID eventId, String complaintId, String number, String text) {
        Instant now = clock.instant().minusSeconds(2);
        return """
                {"id":"%s","type":"SupervisorInstructionsRecorded","version":1,"aggregateId":"%s","sequence":4,
                 "occurredAt":"%s","actor":"supervisor","department":null,
                 "data":{"complaintId":"%s","number":"%s","severity":"MAJOR","instructions":"%s",
                         "givenBy":"supervisor","givenAt":"%s"}}"""
                .formatted(eventId, complaintId, now, complaintId, number, text, now);
    }
}
