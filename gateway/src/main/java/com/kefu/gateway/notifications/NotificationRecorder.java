package com.kefu.gateway.notifications;

import com.kefu.gateway.accounts.Accounts;
import com.kefu.platform.security.Roles;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns an occurrence into its notifications, in one transaction: an e-mail row (pending) for each address its
 * subscribed audiences reach — the enabled accounts of the role or department that have an address, and the
 * subscription's extra addresses — and a browser row (sent: the consoles show it from the per-user notification stream,
 * {@code GET /api/streams/notifications}, which reads these rows) for each audience subscribed in the browser. Rows
 * only: nothing here waits on a mail server.
 */
class NotificationRecorder {

    private final Subscriptions subscriptions;
    private final Accounts accounts;
    private final NotificationLog log;
    private final MailText mailText;
    private final Clock clock;
    private final boolean email;

    NotificationRecorder(Subscriptions subscriptions, Accounts accounts, NotificationLog log, MailText mailText,
                         Clock clock, boolean email) {
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.log = log;
        this.mailText = mailText;
        this.clock = clock;
        this.email = email;
    }

    /** Answers how many notifications it wrote (none for an event already recorded). */
    @Transactional
    public int record(Occurrence occurrence) {
        NotificationKind kind = occurrence.kind();
        Set<String> addresses = new LinkedHashSet<>();
        Set<String> audiences = new LinkedHashSet<>();
        for (Subscription subscription : subscriptions.reached(kind, occurrence.department())) {
            if (email && subscription.emails(kind)) {
                addresses.addAll(Subscription.DEPARTMENT.equals(subscription.audienceType())
                        ? accounts.addressesOf(Roles.DEPARTMENT, subscription.audience())
                        : accounts.addressesOf(subscription.audience(),
                                // a department's complaint: of the DEPARTMENT users, those of that department only
                                Roles.DEPARTMENT.equals(subscription.audience()) && kind.ofADepartment()
                                        ? occurrence.department() : null));
                addresses.addAll(subscription.addresses());
            }
            if (subscription.browser(kind)) {
                audiences.add(subscription.recipient());
            }
        }
        if (addresses.isEmpty() && audiences.isEmpty()) {
            return 0;
        }
        MailText.Text text = mailText.of(occurrence);
        Instant now = clock.instant();
        int written = 0;
        for (String address : addresses) {
            written += log.add(occurrence, NotificationLog.EMAIL, address, text, NotificationLog.PENDING, now) ? 1 : 0;
        }
        for (String audience : audiences) {
            written += log.add(occurrence, NotificationLog.BROWSER, audience, text, NotificationLog.SENT, now) ? 1 : 0;
        }
        return written;
    }
}
