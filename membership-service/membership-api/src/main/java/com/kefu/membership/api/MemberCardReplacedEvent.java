package com.kefu.membership.api;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** A lost or damaged card was replaced (M1): the previous number stops working from now on. */
@PublishedEvent(type = "MemberCardReplaced", version = 1)
public record MemberCardReplacedEvent(String memberId, String previousCardNumber, String cardNumber, String reason,
                                      String replacedBy, Instant replacedAt) {
}
