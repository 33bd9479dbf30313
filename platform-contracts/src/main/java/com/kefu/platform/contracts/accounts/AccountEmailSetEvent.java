package com.kefu.platform.contracts.accounts;

import com.kefu.platform.contracts.PublishedEvent;

/**
 * The account's e-mail address, where the notifications of its role or department go, was set (by the user, or by the
 * ADMIN who created the account) or removed ({@code maskedEmail} null). The address is personal data: only masked here
 * ({@code w***g@mall.example}), never in clear. Schema: {@code schemas/account.events/AccountEmailSet.v1.json}.
 */
@PublishedEvent(type = "AccountEmailSet", version = 1)
public record AccountEmailSetEvent(String username, String maskedEmail) {
}
