package com.kefu.complaint.api;

import com.kefu.platform.contracts.DepartmentScoped;
import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/**
 * A stage of the complaint outlived its deadline (C10): {@code stage} is the state it is still in, {@code dueAt}
 * when it should have left it. Shows in the supervisor's list of missed deadlines.
 */
@PublishedEvent(type = "ComplaintDeadlineMissed", version = 1)
public record ComplaintDeadlineMissedEvent(String complaintId, String number, String stage, Priority priority,
                                           String department, Instant dueAt, Instant missedAt)
        implements DepartmentScoped {
}
