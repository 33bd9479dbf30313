package com.kefu.membership.query;

import com.kefu.membership.api.MemberStatus;
import com.kefu.membership.api.Tier;

import java.time.Instant;

/** A member as the read model holds them: the phone only masked. */
public record MemberView(
        String id,
        String cardNumber,
        String name,
        String maskedPhone,
        Tier tier,
        MemberStatus status,
        long points,
        String registeredBy,
        Instant registeredAt) {
}
