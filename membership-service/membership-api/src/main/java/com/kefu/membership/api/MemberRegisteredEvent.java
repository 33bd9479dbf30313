package com.kefu.membership.api;

import com.kefu.platform.contracts.PublishedEvent;
import com.kefu.platform.contracts.DataSubject;
import com.kefu.platform.contracts.PersonalData;

import java.time.Instant;

/**
 * A member was registered and given a card (M1). The phone travels masked (e.g. {@code 138****5678}): the
 * number in clear never leaves membership-service (S1).
 * Schema: {@code schemas/membership.events/MemberRegistered.v1.json}.
 */
@PublishedEvent(type = "MemberRegistered", version = 1)
public record MemberRegisteredEvent(
        @DataSubject String memberId,
        String cardNumber,
        @PersonalData String name,
        String maskedPhone,
        Tier tier,
        String registeredBy,
        Instant registeredAt) {
}
