package com.kefu.membership.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A campaign of promotional items, gifts, prizes or souvenirs (促销品, 纪念品, 奖品, M3): the item, how many there
 * are, how many one member may receive, and the days it runs (inclusive).
 */
@PublishedEvent(type = "GiftCampaignStarted", version = 1)
public record GiftCampaignStartedEvent(String campaignId, String name, String item, int stock, int perMemberLimit,
                                       LocalDate startsOn, LocalDate endsOn, String startedBy, Instant startedAt) {
}
