package com.kefu.complaint.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** The handling form (《客户服务处理表》) was filed under the complaint's number; read-only from now on (C8). */
@PublishedEvent(type = "ComplaintArchived", version = 1)
public record ComplaintArchivedEvent(String complaintId, String number, String archivedBy, Instant archivedAt) {
}
