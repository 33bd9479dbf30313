package com.kefu.platform.contracts.accounts;

import com.kefu.platform.contracts.PublishedEvent;

/**
 * An ADMIN enabled the account again.
 * Schema: {@code schemas/account.events/AccountEnabled.v1.json}.
 */
@PublishedEvent(type = "AccountEnabled", version = 1)
public record AccountEnabledEvent(String username) {
}
