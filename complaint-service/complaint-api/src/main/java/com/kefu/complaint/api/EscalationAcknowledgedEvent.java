package com.kefu.complaint.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** The supervisor has taken up an escalated complaint from their inbox (C14, 第四章): it leaves the unread ones. */
@PublishedEvent(type = "EscalationAcknowledged", version = 1)
public record EscalationAcknowledgedEvent(String complaintId, String number, Severity severity,
                                          String acknowledgedBy, Instant acknowledgedAt) {
}
