package com.kefu.complaint.event;

import java.time.Instant;

/** The tenant was told who asked for them and how to reach the enquirer; the tenant decides whether to call. */
public record TenantNotifiedEvent(String requestId, String tenant, String how, String tenantResponse,
                                  String notifiedBy, Instant notifiedAt) {
}
