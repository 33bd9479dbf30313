package com.kefu.membership.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** More of the campaign's item arrived and was counted in (M3). */
@PublishedEvent(type = "GiftStockAdded", version = 1)
public record GiftStockAddedEvent(String campaignId, int quantity, int stock, String addedBy, Instant addedAt) {
}
