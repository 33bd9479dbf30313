package com.kefu.gateway.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param lockAfter       failed sign-ins in a row that lock the account
 * @param lockFor         how long a locked account cannot sign in
 * @param refreshLifetime how long a refresh token may be exchanged for a new access token (each exchange gives a new
 *                        refresh token of the same lifetime: a console left open stays signed in)
 * @param stateCache      how long the gateway trusts what it read of an account (enabled, token generation) before it
 *                        reads it again: how long a token of a disabled account may still pass through another
 *                        instance of the gateway; the instance that made the change forgets it at once
 * @param outboxInterval  how often the outbox is looked at for events to publish, besides right after each change
 */
@ConfigurationProperties("kefu.gateway.accounts")
public record AccountProperties(Integer lockAfter, Duration lockFor, Duration refreshLifetime, Duration stateCache,
                                Duration outboxInterval) {

    public AccountProperties {
        lockAfter = lockAfter == null ? 5 : lockAfter;
        lockFor = lockFor == null ? Duration.ofMinutes(15) : lockFor;
        refreshLifetime = refreshLifetime == null ? Duration.ofHours(12) : refreshLifetime;
        stateCache = stateCache == null ? Duration.ofSeconds(5) : stateCache;
        outboxInterval = outboxInterval == null ? Duration.ofSeconds(1) : outboxInterval;
    }
}
