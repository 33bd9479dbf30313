package com.kefu.platform.web;

/**
 * A workflow rule refuses a command: answered with 409 and a problem detail whose {@code type} names the
 * rule (stable, for clients and translations) and whose {@code detail} says which state and why.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;

    public RuleViolation(String rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
