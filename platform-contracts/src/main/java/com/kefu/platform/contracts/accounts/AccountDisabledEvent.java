package com.kefu.platform.contracts.accounts;

import com.kefu.platform.contracts.PublishedEvent;

/**
 * An ADMIN disabled the account: it cannot sign in, its tokens end.
 * Schema: {@code schemas/account.events/AccountDisabled.v1.json}.
 */
@PublishedEvent(type = "AccountDisabled", version = 1)
public record AccountDisabledEvent(String username) {
}
