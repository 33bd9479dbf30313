package com.kefu.gateway.notifications;

import com.kefu.gateway.accounts.Accounts;
import com.kefu.gateway.accounts.EmailAddress;
import com.kefu.platform.rules.InvalidRequest;
import com.kefu.platform.security.Roles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The subscriptions in the gateway's database (table {@code notification_subscription}; the defaults of the rulebook
 * come with the migration): read by the notifications' consumer for each event, set by an ADMIN (or the CS head, for a
 * department) through the API.
 */
@Component
class Subscriptions {

    static final int MAX_ADDRESSES = 10;

    private static final RowMapper<Subscription> SUBSCRIPTION = (row, n) -> new Subscription(
            row.getString("audience_type"), row.getString("audience"), list(row.getString("email_kinds")),
            list(row.getString("browser_kinds")), list(row.getString("addresses")), row.getString("updated_by"),
            row.getTimestamp("updated_at").toInstant());

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Subscriptions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Subscription> all() {
        return jdbc.query("select * from notification_subscription order by audience_type, audience", SUBSCRIPTION);
    }

    /** Those that apply to a user of {@code role} (and of {@code department}, for DEPARTMENT). */
    List<Subscription> applyingTo(String role, String department) {
        List<Subscription> applying = new ArrayList<>(jdbc.query("select * from notification_subscription "
                + "where audience_type = 'role' and audience = ?", SUBSCRIPTION, role));
        if (Roles.DEPARTMENT.equals(role) && department != null) {
            applying.addAll(jdbc.query("select * from notification_subscription where audience_type = 'department' "
                    + "and audience = ?", SUBSCRIPTION, department));
        }
        return applying;
    }

    /** Those that an event of {@code kind} of {@code department} (null: of none) reaches on some channel. */
    List<Subscription> reached(NotificationKind kind, String department) {
        List<Subscription> reached = new ArrayList<>();
        for (Subscription subscription : all()) {
            boolean audience = !Subscription.DEPARTMENT.equals(subscription.audienceType())
                    || !kind.ofADepartment() || subscription.audience().equals(department);
            if (audience && (subscription.emails(kind) || subscription.browser(kind))) {
                reached.add(subscription);
            }
        }
        return reached;
    }

    /**
     * Sets what the audience is told of, replacing what it had; 400 naming the field: {@code audienceType},
     * {@code audience}, {@code email}, {@code browser}, {@code addresses}.
     */
    Subscription put(String actor, String audienceType, String audience, List<String> email, List<String> browser,
                     List<String> addresses) {
        check(audienceType, audience);
        List<String> emailKinds = kinds("email", email);
        List<String> browserKinds = kinds("browser", browser);
        Set<String> checked = new LinkedHashSet<>();
        for (String address : addresses == null ? List.<String>of() : addresses) {
            String normal = EmailAddress.checked("addresses", address);
            if (normal != null) {
                checked.add(normal);
            }
        }
        if (checked.size() > MAX_ADDRESSES) {
            throw new InvalidRequest("addresses: at most " + MAX_ADDRESSES + " addresses");
        }
        jdbc.update("insert into notification_subscription (audience_type, audience, email_kinds, browser_kinds, "
                + "addresses, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (audience_type, audience) do update set email_kinds = excluded.email_kinds, "
                + "browser_kinds = excluded.browser_kinds, "
                + "addresses = excluded.addresses, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
                audienceType, audience, String.join(",", emailKinds), String.join(",", browserKinds),
                String.join(",", checked), actor, Timestamp.from(clock.instant()));
        return find(audienceType, audience).orElseThrow();
    }

    Optional<Subscription> find(String audienceType, String audience) {
        return jdbc.query("select * from notification_subscription where audience_type = ? and audience = ?",
                SUBSCRIPTION, audienceType, audience).stream().findFirst();
    }

    static void check(String audienceType, String audience) {
        if (Subscription.DEPARTMENT.equals(audienceType)) {
            if (audience == null || !Accounts.DEPARTMENT.matcher(audience).matches()) {
                throw new InvalidRequest("audience: a department is named by lower-case letters, digits and '-' "
                        + "(e.g. security)");
            }
        } else if (Subscription.ROLE.equals(audienceType)) {
            if (audience == null || !Accounts.ROLES.contains(audience)) {
                throw new InvalidRequest("audience: a role is one of " + Accounts.ROLES.stream().sorted().toList());
            }
        } else {
            throw new InvalidRequest("audienceType: department or role");
        }
    }

    private static List<String> kinds(String field, List<String> kinds) {
        Set<String> known = new LinkedHashSet<>();
        for (String kind : kinds == null ? List.<String>of() : kinds) {
            if (kind == null || NotificationKind.of(kind).isEmpty()) {
                throw new InvalidRequest(field + ": each kind is one of " + NotificationKind.IDS + ", not " + kind);
            }
            known.add(kind);
        }
        // in the kinds' own order, whatever the order given
        return NotificationKind.IDS.stream().filter(known::contains).toList();
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
