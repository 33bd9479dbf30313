package com.kefu.membership.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/**
 * A member's tier changed (M4). complaint-service keeps its view of VIP members from these (C4): a VIP's
 * complaint is urgent. Schema: {@code schemas/membership.events/MemberTierChanged.v1.json}.
 */
@PublishedEvent(type = "MemberTierChanged", version = 1)
public record MemberTierChangedEvent(String memberId, String cardNumber, Tier previousTier, Tier tier,
                                     String changedBy, Instant changedAt) {
}
