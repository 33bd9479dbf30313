package com.kefu.membership.command;

import com.kefu.membership.api.Tier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What the desk does with a membership after registering it (M1, M2, M4). */
final class MemberCommands {

    private MemberCommands() {
    }

    /** {@code name} or {@code phone} may be left {@code null}: unchanged. */
    record ChangeDetailsCommand(@TargetAggregateIdentifier String memberId, String name, String phone,
                                String actor, Instant at) {
    }

    record ReplaceCardCommand(@TargetAggregateIdentifier String memberId, String cardNumber, String reason,
                              String actor, Instant at) {
    }

    record SuspendCommand(@TargetAggregateIdentifier String memberId, String reason, String actor, Instant at) {
    }

    record ReinstateCommand(@TargetAggregateIdentifier String memberId, String reason, String actor,
                            Instant at) {
    }

    record CancelCommand(@TargetAggregateIdentifier String memberId, String reason, String actor, Instant at) {
    }

    record ChangeTierCommand(@TargetAggregateIdentifier String memberId, Tier tier, String actor, Instant at) {
    }

    /** Earns ({@code delta} above zero) or redeems (below zero). */
    record ChangePointsCommand(@TargetAggregateIdentifier String memberId, long delta, String reason,
                               String actor, Instant at) {
    }

    /** Asks whether the member may receive gifts and services now: refused unless active. */
    record ConfirmActiveCommand(@TargetAggregateIdentifier String memberId, String purpose) {
    }

    /** Erases the member's personal data on request (S3): only once the membership is cancelled. */
    record EraseMemberPersonalDataCommand(@TargetAggregateIdentifier String memberId, String reason,
                                          String actor, Instant at) {
    }
}
