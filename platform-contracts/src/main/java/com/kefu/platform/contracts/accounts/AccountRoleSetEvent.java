package com.kefu.platform.contracts.accounts;

import com.kefu.platform.contracts.PublishedEvent;

/**
 * An ADMIN set the account's role (and department, only for DEPARTMENT); its tokens end.
 * Schema: {@code schemas/account.events/AccountRoleSet.v1.json}.
 */
@PublishedEvent(type = "AccountRoleSet", version = 1)
public record AccountRoleSetEvent(String username, String role, String department) {
}
