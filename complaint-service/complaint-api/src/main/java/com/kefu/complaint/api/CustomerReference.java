package com.kefu.complaint.api;

/**
 * The customer as other services may see them: name, a masked contact (e.g. {@code 138****5678}) and the
 * member id if any. The contact in clear never leaves complaint-service (S1).
 */
public record CustomerReference(String name, String maskedPhone, String memberId) {
}
