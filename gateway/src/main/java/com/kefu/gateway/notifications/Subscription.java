package com.kefu.gateway.notifications;

import java.time.Instant;
import java.util.List;

/**
 * What one audience is told of: a department ({@code audienceType} {@code department}, {@code audience} e.g.
 * {@code security}) or a role ({@code role}, e.g. {@code SUPERVISOR}); per channel, the kinds; and extra e-mail
 * addresses told besides the audience's accounts (a department's shared mailbox).
 */
public record Subscription(String audienceType, String audience, List<String> email, List<String> browser,
                           List<String> addresses, String updatedBy, Instant updatedAt) {

    static final String DEPARTMENT = "department";
    static final String ROLE = "role";

    boolean emails(NotificationKind kind) {
        return email.contains(kind.id());
    }

    boolean browser(NotificationKind kind) {
        return browser.contains(kind.id());
    }

    /** How a browser notification's recipient is recorded: {@code department:security}, {@code role:CS_HEAD}. */
    String recipient() {
        return audienceType + ":" + audience;
    }
}
