package com.kefu.platform.contracts.accounts;

import com.kefu.platform.contracts.PublishedEvent;

/**
 * The user changed their own password (never the password nor its hash here); their tokens end.
 * Schema: {@code schemas/account.events/AccountPasswordChanged.v1.json}.
 */
@PublishedEvent(type = "AccountPasswordChanged", version = 1)
public record AccountPasswordChangedEvent(String username) {
}
