package com.kefu.platform.contracts.accounts;

/**
 * Where the gateway publishes every change to a user account (README "User accounts"), keyed by the user name: the
 * audit trail reads it like every service's topic. Never a password nor its hash.
 */
public final class AccountTopics {

    public static final String EVENTS = "account.events";

    private AccountTopics() {
    }
}
