package com.kefu.dutylog.messaging;

import java.time.Instant;
import java.util.UUID;

/** Test data: complaint.events envelopes as complaint-service publishes them. */
final class ComplaintEnvelopes {

    private ComplaintEnvelopes() {
    }

    static String received(UUID eventId, String complaintId, String number, String channel) {
        Instant now = Instant.now().minusSeconds(5);
        return """
                {"id":"%s","type":"ComplaintReceived","version":1,"aggregateId":"%s","sequence":0,
                 "occurredAt":"%s","actor":"desk","department":null,
                 "data":{"complaintId":"%s","number":"%s","channel":"%s","category":"SERVICE_ATTITUDE",
                         "severity":"NORMAL","priority":"NORMAL",
                         "customer":{"name":"王芳","maskedPhone":"138****5678"},
                         "subject":"态度差 %s","description":"...","receivedBy":"desk","receivedAt":"%s"}}"""
                .formatted(eventId, complaintId, now, complaintId, number, channel, number, now);
    }
}
