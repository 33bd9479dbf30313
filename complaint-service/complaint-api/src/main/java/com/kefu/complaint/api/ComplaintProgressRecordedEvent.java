package com.kefu.complaint.api;

import com.kefu.platform.contracts.DepartmentScoped;
import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** The department recorded what it did on the complaint (C5, 做好记录). */
@PublishedEvent(type = "ComplaintProgressRecorded", version = 1)
public record ComplaintProgressRecordedEvent(String complaintId, String department, String note, String recordedBy,
                                             Instant recordedAt) implements DepartmentScoped {
}
