package com.kefu.platform.rules;

import java.util.List;

/**
 * A workflow rule refuses a command: answered with 409 and a problem detail whose {@code type} names the
 * rule (stable, for clients and translations) and whose {@code detail} says which state and why. A command
 * refused for several reasons at once names each in {@link #reasons()}, answered as the problem's
 * {@code reasons}, so the caller can put all of them right in one go.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;
    private final List<String> reasons;

    public RuleViolation(String rule, String detail) {
        this(rule, detail, List.of());
    }

    public RuleViolation(String rule, String detail, List<String> reasons) {
        super(detail);
        this.rule = rule;
        this.reasons = List.copyOf(reasons);
    }

    public String rule() {
        return rule;
    }

    /** Every reason the command is refused for; empty when the detail says it all. */
    public List<String> reasons() {
        return reasons;
    }
}
