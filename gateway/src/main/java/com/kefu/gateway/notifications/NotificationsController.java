package com.kefu.gateway.notifications;

import com.kefu.gateway.accounts.Accounts;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.security.Roles;
import com.kefu.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The notifications' subscriptions and record (README "Notifications"): ADMIN sets what every audience is told of, the
 * CS head what the departments are; every user reads what applies to them (the console's browser notifications);
 * ADMIN and AUDITOR read the record of every notification.
 */
@RestController
class NotificationsController {

    private final Subscriptions subscriptions;
    private final NotificationLog notifications;
    private final Accounts accounts;

    NotificationsController(Subscriptions subscriptions, NotificationLog notifications, Accounts accounts) {
        this.subscriptions = subscriptions;
        this.notifications = notifications;
        this.accounts = accounts;
    }

    /** What an audience is to be told of; a list left out is empty. */
    record SubscriptionChange(@Size(max = 20) List<String> email, @Size(max = 20) List<String> browser,
                              @Size(max = 20) List<String> addresses) {
    }

    /**
     * What applies to the signed-in user, through their role and (DEPARTMENT) their department: the kinds by channel,
     * and whether their account has an address for the e-mails.
     */
    record MySubscriptions(String role, String department, List<String> email, List<String> browser,
                           boolean hasEmailAddress) {
    }

    @Operation(summary = "Lists every subscription: per department or role, the kinds told by e-mail and in the "
            + "browser, and the extra addresses (ADMIN, CS_HEAD)")
    @GetMapping("/api/notifications/subscriptions")
    @PreAuthorize("hasAnyRole('ADMIN', 'CS_HEAD')")
    List<Subscription> subscriptions() {
        return subscriptions.all();
    }

    @Operation(summary = "Sets what a department or a role is told of, by e-mail and in the browser, and the extra "
            + "addresses (ADMIN; CS_HEAD for departments only): audienceType department or role; kinds assigned, "
            + "deadline-approaching, deadline-missed, escalated, fire, script-awaiting-approval; 400 naming the field")
    @PutMapping("/api/notifications/subscriptions/{audienceType}/{audience}")
    @PreAuthorize("hasAnyRole('ADMIN', 'CS_HEAD')")
    Subscription put(@PathVariable String audienceType, @PathVariable String audience,
                     @Valid @RequestBody SubscriptionChange change) {
        CurrentUser user = CurrentUser.get();
        if (!user.hasRole(Roles.ADMIN) && !Subscription.DEPARTMENT.equals(audienceType)) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                    "the CS head sets the departments' subscriptions; a role's are the ADMIN's"), null);
        }
        return subscriptions.put(user.username(), audienceType, audience, change.email(), change.browser(),
                change.addresses());
    }

    @Operation(summary = "What the signed-in user is told of, through their role and department, by e-mail and in "
            + "the browser (any role): the console's notification settings show it")
    @GetMapping("/api/notifications/subscriptions/mine")
    MySubscriptions mine() {
        CurrentUser user = CurrentUser.get();
        var account = accounts.find(user.username())
                .orElseThrow(() -> new NotFound("no account named " + user.username()));
        Set<String> email = new LinkedHashSet<>();
        Set<String> browser = new LinkedHashSet<>();
        for (Subscription subscription : subscriptions.applyingTo(account.role(), account.department())) {
            email.addAll(subscription.email());
            browser.addAll(subscription.browser());
        }
        return new MySubscriptions(account.role(), account.department(),
                NotificationKind.IDS.stream().filter(email::contains).toList(),
                NotificationKind.IDS.stream().filter(browser::contains).toList(), account.email() != null);
    }

    @Operation(summary = "The record of every notification, newest first (ADMIN, AUDITOR): event, kind, channel, "
            + "recipient (an e-mail address masked), status pending, sent or failed, attempts, last error, times; "
            + "400 naming status, kind, page or size")
    @GetMapping("/api/notifications")
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    NotificationLog.NotificationPage record(@RequestParam(required = false) String status,
                                @RequestParam(required = false) String kind,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        return notifications.page(status, kind, page, size);
    }
}
