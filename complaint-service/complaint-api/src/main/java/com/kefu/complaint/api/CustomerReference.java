package com.kefu.complaint.api;

import com.kefu.platform.contracts.PersonalData;

/**
 * The customer as other services may see them: name, a masked contact (e.g. {@code 138****5678}) and the
 * member id if any. The contact in clear never leaves complaint-service (S1); the name is encrypted in the event
 * store, masked on the topic and erasable (S3).
 */
public record CustomerReference(@PersonalData String name, String maskedPhone, String memberId) {
}
