package com.kefu.complaint.api;

import com.kefu.platform.contracts.DepartmentScoped;
import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** The customer was not satisfied: the complaint goes back to the department (C7). */
@PublishedEvent(type = "ComplaintReopened", version = 1)
public record ComplaintReopenedEvent(String complaintId, String department, String reason, Instant reopenedAt)
        implements DepartmentScoped {
}
