package com.kefu.membership.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** A front-desk service was asked for (M5); {@code number} is its ticket (a storage ticket for STORAGE). */
@PublishedEvent(type = "ServiceRequestRegistered", version = 1)
public record ServiceRequestRegisteredEvent(String requestId, String number, ServiceRequestKind kind, String memberId,
                                            String details, String registeredBy, Instant registeredAt) {
}
