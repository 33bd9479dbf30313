package com.kefu.complaint.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** The answered enquiry was filed; read-only from now on (C12). */
@PublishedEvent(type = "EnquiryArchived", version = 1)
public record EnquiryArchivedEvent(String enquiryId, String archivedBy, Instant archivedAt) {
}
