package com.kefu.complaint.command;

/**
 * The customer's contact in clear. Kept in its own event that is never published, so that the topic only
 * ever carries the masked contact (S1) and the clear one can later be made erasable on its own (S3).
 */
public record CustomerContactRecordedEvent(String complaintId, String phone) {
}
