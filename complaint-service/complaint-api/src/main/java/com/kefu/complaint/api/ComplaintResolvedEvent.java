package com.kefu.complaint.api;

import com.kefu.platform.contracts.DepartmentScoped;
import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** The department reported its result back to customer service (C6). */
@PublishedEvent(type = "ComplaintResolved", version = 1)
public record ComplaintResolvedEvent(String complaintId, String department, String result, String resolvedBy,
                                     Instant resolvedAt) implements DepartmentScoped {
}
