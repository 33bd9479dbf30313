package com.kefu.complaint.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** The complaint went to the supervisor (C3): required for a MAJOR complaint before it is assigned. */
@PublishedEvent(type = "ComplaintEscalated", version = 1)
public record ComplaintEscalatedEvent(String complaintId, String number, Severity severity, String reason,
                                      String escalatedBy, Instant escalatedAt) {
}
