package com.kefu.complaint.api;

import com.kefu.platform.contracts.DepartmentScoped;
import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/**
 * A file (a letter, a fax, a receipt, a photo) was attached to the complaint (C16): what it is by its bytes, how large,
 * its SHA-256. Neither the bytes nor the file's name: the bytes stay in complaint-service's database, and a name may
 * name the customer (a receipt's "王芳_发票.jpg"), so it stays beside the bytes and is erased with them (S3).
 * {@code department}: the department holding the complaint then, if any.
 */
@PublishedEvent(type = "ComplaintAttachmentAdded", version = 1)
public record ComplaintAttachmentAddedEvent(String complaintId, String department, String attachmentId,
                                            String contentType, long size, String sha256, String addedBy,
                                            Instant addedAt) implements DepartmentScoped {
}
