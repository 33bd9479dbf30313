package com.kefu.membership.command;

import com.kefu.membership.api.MemberStatus;
import com.kefu.platform.rules.InvalidRequest;
import com.kefu.platform.rules.RuleViolation;

/**
 * What a membership allows (M1, M2, S3): a cancelled one is closed for good, a suspended one keeps its record but
 * earns, redeems and receives nothing, only a cancelled one is erased; the points balance never goes below zero. Each
 * check refuses with the rule it names.
 */
record Standing(String cardNumber, MemberStatus status) {

    void requireNotCancelled(String what) {
        if (status == MemberStatus.CANCELLED) {
            throw new RuleViolation("member-cancelled", "membership " + cardNumber
                    + " is cancelled: nobody can " + what + " it any more (M1)");
        }
    }

    void requireActive(String what) {
        if (status != MemberStatus.ACTIVE) {
            throw new RuleViolation(status == MemberStatus.CANCELLED ? "member-cancelled" : "member-not-active",
                    "membership " + cardNumber + " is " + status + ": only an active member can " + what + " (M1)");
        }
    }

    void requireSuspendable() {
        if (status != MemberStatus.ACTIVE) {
            throw new RuleViolation("member-not-active", "membership " + cardNumber + " is " + status
                    + ": only an active membership can be suspended (M1)");
        }
    }

    void requireReinstatable() {
        if (status != MemberStatus.SUSPENDED) {
            throw new RuleViolation("member-not-suspended", "membership " + cardNumber + " is " + status
                    + ": only a suspended membership can be reinstated (M1)");
        }
    }

    /** Only a cancelled membership is erased: an active member still needs their name at the desk. */
    void requireErasable() {
        if (status != MemberStatus.CANCELLED) {
            throw new RuleViolation("member-not-cancelled", "membership " + cardNumber + " is " + status
                    + ": cancel it before erasing the member's personal data (S3)");
        }
    }

    /** Points earned ({@code delta} > 0) or redeemed (< 0) by an active member, never leaving the balance below zero. */
    void requirePointsChange(long balance, long delta) {
        requireActive(delta > 0 ? "earn points" : "redeem points");
        if (delta == 0) {
            throw new InvalidRequest("delta: points earned or redeemed cannot be zero");
        }
        if (balance + delta < 0) {
            throw new RuleViolation("points-balance", "membership " + cardNumber + " has " + balance
                    + " points: redeeming " + -delta + " would leave the balance below zero (M2)");
        }
    }
}
