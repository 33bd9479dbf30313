package com.kefu.complaint.api;

import com.kefu.platform.contracts.DepartmentScoped;
import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** The responsible department was notified (C5); its users now see and act on the complaint. */
@PublishedEvent(type = "ComplaintAssigned", version = 1)
public record ComplaintAssignedEvent(String complaintId, String number, String department, String instructions,
                                     Priority priority, String assignedBy, Instant assignedAt)
        implements DepartmentScoped {
}
