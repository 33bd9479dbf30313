package com.kefu.complaint.api;

import com.kefu.platform.contracts.DepartmentScoped;
import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/**
 * Four fifths of a stage's time have gone (C17): {@code stage} is the state the complaint is in since
 * {@code enteredAt}, due to be left by {@code dueAt}; {@code warnedAt} is when the warning went out. Once per entry
 * into a stage, and never once the stage's deadline was missed. Warns the department (when the stage has one) and the
 * supervisor on their live streams.
 */
@PublishedEvent(type = "ComplaintDeadlineApproaching", version = 1)
public record ComplaintDeadlineApproachingEvent(String complaintId, String number, String stage, Priority priority,
                                                String department, Instant enteredAt, Instant dueAt,
                                                Instant warnedAt)
        implements DepartmentScoped {
}
