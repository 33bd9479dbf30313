package com.kefu.complaint.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/**
 * A file was attached to the enquiry (C16), as {@link ComplaintAttachmentAddedEvent} to a complaint: its type by its
 * bytes, its size and SHA-256; neither bytes nor file name.
 */
@PublishedEvent(type = "EnquiryAttachmentAdded", version = 1)
public record EnquiryAttachmentAddedEvent(String enquiryId, String attachmentId, String contentType, long size,
                                          String sha256, String addedBy, Instant addedAt) {
}
