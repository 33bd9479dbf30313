package com.kefu.membership.api;

import com.kefu.platform.messaging.PublishedEvent;

import java.time.Instant;

/** A member's name or phone changed (M1); the phone travels masked (S1). */
@PublishedEvent(type = "MemberDetailsChanged", version = 1)
public record MemberDetailsChangedEvent(String memberId, String cardNumber, String name, String maskedPhone,
                                        String changedBy, Instant changedAt) {
}
