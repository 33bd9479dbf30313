package com.kefu.gateway.accounts;

import java.time.Instant;
import java.util.List;

/**
 * A member of staff who may sign in: one role of REQUIREMENTS.md, a department only for DEPARTMENT. What the API
 * shows of it: never the password's hash.
 *
 * @param lockedUntil     while after now, the account cannot sign in (too many failed sign-ins)
 * @param tokenGeneration the generation its tokens must carry to be accepted
 * @param email           where the notifications of its role or department are sent (README "Notifications"); null
 *                        when it has none
 */
public record Account(String username, String role, String department, boolean enabled, Instant lockedUntil,
                      int tokenGeneration, Instant createdAt, String email) {

    public List<String> roles() {
        return List.of(role);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
