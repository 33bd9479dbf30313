package com.kefu.platform.contracts.accounts;

import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/**
 * Too many failed sign-ins in a row: the account signs in again only from {@code lockedUntil}.
 * Schema: {@code schemas/account.events/AccountLocked.v1.json}.
 */
@PublishedEvent(type = "AccountLocked", version = 1)
public record AccountLockedEvent(String username, int failedSignIns, Instant lockedUntil) {
}
