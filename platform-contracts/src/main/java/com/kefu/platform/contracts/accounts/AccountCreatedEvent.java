package com.kefu.platform.contracts.accounts;

import com.kefu.platform.contracts.PublishedEvent;

/**
 * An ADMIN (or the seeding of the local profile, actor {@code system}) created the account; {@code department} only for DEPARTMENT.
 * Schema: {@code schemas/account.events/AccountCreated.v1.json}.
 */
@PublishedEvent(type = "AccountCreated", version = 1)
public record AccountCreatedEvent(String username, String role, String department) {
}
