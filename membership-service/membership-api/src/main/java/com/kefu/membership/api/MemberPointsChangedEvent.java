package com.kefu.membership.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/**
 * Points earned ({@code delta} above zero) or redeemed (below zero) with the reason (M2); {@code balance} is what
 * the member has after it, never below zero.
 */
@PublishedEvent(type = "MemberPointsChanged", version = 1)
public record MemberPointsChangedEvent(String memberId, String cardNumber, long delta, long balance, String reason,
                                       String changedBy, Instant changedAt) {
}
