package com.kefu.membership.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** A hand-out of a campaign's item to a member (M3): {@code stock} is what is left after it. */
@PublishedEvent(type = "GiftHandedOut", version = 1)
public record GiftHandedOutEvent(String campaignId, String item, String memberId, int quantity, int stock,
                                 String handedOutBy, Instant handedOutAt) {
}
