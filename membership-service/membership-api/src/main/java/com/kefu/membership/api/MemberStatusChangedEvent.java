package com.kefu.membership.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** A membership was suspended, reinstated or cancelled (M1), with the reason given at the desk. */
@PublishedEvent(type = "MemberStatusChanged", version = 1)
public record MemberStatusChangedEvent(String memberId, String cardNumber, MemberStatus previousStatus,
                                       MemberStatus status, String reason, String changedBy, Instant changedAt) {
}
