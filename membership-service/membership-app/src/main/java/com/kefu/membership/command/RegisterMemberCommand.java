package com.kefu.membership.command;

import com.kefu.membership.api.Tier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Registers a member under the card number drawn for them (M1). */
record RegisterMemberCommand(
        @TargetAggregateIdentifier String memberId,
        String cardNumber,
        String name,
        String phone,
        Tier tier,
        String registeredBy,
        Instant registeredAt) {
}
