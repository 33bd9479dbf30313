package com.kefu.complaint.api;

import com.kefu.platform.contracts.DepartmentScoped;
import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** The department confirmed it has the complaint (C5). */
@PublishedEvent(type = "ComplaintAcknowledged", version = 1)
public record ComplaintAcknowledgedEvent(String complaintId, String department, String note, String acknowledgedBy,
                                         Instant acknowledgedAt) implements DepartmentScoped {
}
