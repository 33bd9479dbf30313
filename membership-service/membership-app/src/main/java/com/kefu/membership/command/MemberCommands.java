package com.kefu.membership.command;

import com.kefu.membership.api.Tier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What the desk does with a membership after registering it (M1, M2, M4). */
public final class MemberCommands {

    private MemberCommands() {
    }

    /** {@code name} or {@code phone} may be left {@code null}: unchanged. */
    public record ChangeDetailsCommand(@TargetAggregateIdentifier String memberId, String name, String phone,
                                       String actor, Instant at) {
    }

    public record ReplaceCardCommand(@TargetAggregateIdentifier String memberId, String cardNumber, String reason,
                                     String actor, Instant at) {
    }

    public record SuspendCommand(@TargetAggregateIdentifier String memberId, String reason, String actor, Instant at) {
    }

    public record ReinstateCommand(@TargetAggregateIdentifier String memberId, String reason, String actor,
                                   Instant at) {
    }

    public record CancelCommand(@TargetAggregateIdentifier String memberId, String reason, String actor, Instant at) {
    }

    public record ChangeTierCommand(@TargetAggregateIdentifier String memberId, Tier tier, String actor, Instant at) {
    }

    /** Earns ({@code delta} above zero) or redeems (below zero). */
    public record ChangePointsCommand(@TargetAggregateIdentifier String memberId, long delta, String reason,
                                      String actor, Instant at) {
    }

    /** Asks whether the member may receive gifts and services now: refused unless active. */
    public record ConfirmActiveCommand(@TargetAggregateIdentifier String memberId, String purpose) {
    }

    /** Erases the member's personal data on request (S3): only once the membership is cancelled. */
    public record EraseMemberPersonalDataCommand(@TargetAggregateIdentifier String memberId, String reason,
                                                 String actor, Instant at) {
    }
}
