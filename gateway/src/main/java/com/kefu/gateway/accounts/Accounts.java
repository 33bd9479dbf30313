package com.kefu.gateway.accounts;

import com.kefu.platform.contracts.accounts.AccountCreatedEvent;
import com.kefu.platform.contracts.accounts.AccountDisabledEvent;
import com.kefu.platform.contracts.accounts.AccountEmailSetEvent;
import com.kefu.platform.contracts.accounts.AccountEnabledEvent;
import com.kefu.platform.contracts.accounts.AccountLockedEvent;
import com.kefu.platform.contracts.accounts.AccountPasswordChangedEvent;
import com.kefu.platform.contracts.accounts.AccountRoleSetEvent;
import com.kefu.platform.rules.InvalidRequest;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.rules.RuleViolation;
import com.kefu.platform.security.Roles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The staff accounts in the gateway's database (README "User accounts"): created, given a role, disabled and enabled
 * by an ADMIN; each user's own password; the lock after too many failed sign-ins. Every change is an event in the
 * outbox of the same transaction ({@link AccountEvents}). Disabling an account, setting its role and changing its
 * password move its token generation on: its tokens and refresh tokens end ({@link AccountTokens}).
 */
@Component
public class Accounts {

    /** Lower-case letters, digits, '.', '_' and '-', starting with a letter; 3 to 60 characters. */
    static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,59}");
    /** How a department is named (security, engineering, …): the accounts' and the notifications' rule. */
    public static final Pattern DEPARTMENT = Pattern.compile("[a-z][a-z0-9-]{1,59}");
    /** The nine roles of REQUIREMENTS.md. */
    public static final Set<String> ROLES = Set.of(Roles.FRONT_DESK, Roles.AFTER_SALES, Roles.CS_HEAD, Roles.SUPERVISOR,
            Roles.CS_MANAGER, Roles.DEPARTMENT, Roles.BROADCASTER, Roles.AUDITOR, Roles.ADMIN);
    /** The actor of what the gateway does by itself: seeding, locking. */
    static final String SYSTEM = "system";

    /** Compared against when the user is unknown, so that a wrong name costs as long as a wrong password. */
    private static final String NOBODY = "$2a$10$.hpojccNq3SFIc6ZwrUw6Ogw0HEZP9gEyqSp965aSidblNGcMvm7u";

    private static final RowMapper<Account> ACCOUNT = (row, n) -> new Account(row.getString("username"),
            row.getString("role"), row.getString("department"), row.getBoolean("enabled"),
            instant(row.getTimestamp("locked_until")), row.getInt("token_generation"),
            instant(row.getTimestamp("created_at")), row.getString("email"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PasswordEncoder passwords;
    private final AccountEvents events;
    private final AccountProperties properties;
    private final Clock clock;

    Accounts(JdbcTemplate jdbc, TransactionTemplate transactions, PasswordEncoder passwords, AccountEvents events,
             AccountProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.passwords = passwords;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a sign-in came to: the account when it may have a token, else why not. */
    public sealed interface SignIn {
        record Accepted(Account account) implements SignIn {
        }

        record Refused() implements SignIn {
        }

        record Locked(Instant until) implements SignIn {
        }

        record Disabled() implements SignIn {
        }
    }

    public List<Account> all() {
        return jdbc.query("select * from account order by username", ACCOUNT);
    }

    public Optional<Account> find(String username) {
        return jdbc.query("select * from account where username = ?", ACCOUNT, username).stream().findFirst();
    }

    /**
     * Checks the password (bcrypt, outside any transaction: it takes a while on purpose). A locked account is not
     * even tried; a wrong password counts towards the lock; a disabled account is told so only with its password.
     */
    public SignIn signIn(String username, String password) {
        Optional<Account> found = find(username);
        String hash = found.isEmpty() ? NOBODY : passwordHash(username);
        boolean matches = passwords.matches(password, hash);
        if (found.isEmpty()) {
            return new SignIn.Refused();
        }
        Account account = found.get();
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            return new SignIn.Locked(account.lockedUntil());
        }
        if (!matches) {
            Instant lockedUntil = failed(username, now);
            return lockedUntil == null ? new SignIn.Refused() : new SignIn.Locked(lockedUntil);
        }
        if (!account.enabled()) {
            return new SignIn.Disabled();
        }
        jdbc.update("update account set failed_sign_ins = 0 where username = ? and failed_sign_ins > 0", username);
        return new SignIn.Accepted(account);
    }

    /** One more failed sign-in in a row; the one that reaches the limit locks the account. Answers the lock's end. */
    private Instant failed(String username, Instant now) {
        return transactions.execute(status -> {
            Integer failures = jdbc.queryForObject("update account set failed_sign_ins = failed_sign_ins + 1 "
                    + "where username = ? returning failed_sign_ins", Integer.class, username);
            if (failures == null || failures < properties.lockAfter()) {
                return null;
            }
            Instant until = now.plus(properties.lockFor());
            jdbc.update("update account set failed_sign_ins = 0, locked_until = ? where username = ?",
                    Timestamp.from(until), username);
            events.record(username, SYSTEM, new AccountLockedEvent(username, failures, until));
            return until;
        });
    }

    /** An ADMIN's new account, with its e-mail address if given; 400 naming the field, 409 {@code username-taken}. */
    @Transactional
    public Account create(String actor, String username, String password, String role, String department,
                          String email) {
        checkUsername(username);
        PasswordRule.check("password", password, username);
        checkRole(role, department);
        String address = EmailAddress.checked("email", email);
        if (!insert(username, passwords.encode(password), role, department, actor)) {
            throw new RuleViolation("username-taken", "there is already an account named " + username);
        }
        if (address != null) {
            writeEmail(actor, username, address);
        }
        return find(username).orElseThrow();
    }

    /**
     * The user's own e-mail address, where the notifications of their role or department go (README "Notifications");
     * null or blank removes it. Setting the address it already has changes nothing. 400 naming {@code email}.
     */
    @Transactional
    public Account setEmail(String username, String email) {
        String address = EmailAddress.checked("email", email);
        Account account = existing(username);
        if (!Objects.equals(account.email(), address)) {
            writeEmail(username, username, address);
        }
        return find(username).orElseThrow();
    }

    private void writeEmail(String actor, String username, String address) {
        jdbc.update("update account set email = ? where username = ?", address, username);
        events.record(username, actor, new AccountEmailSetEvent(username, EmailAddress.masked(address)));
    }

    /**
     * The e-mail addresses of the enabled accounts of {@code role} (and, for DEPARTMENT, of {@code department}) that
     * have one: whom the notifications of that audience reach.
     */
    public List<String> addressesOf(String role, String department) {
        return department == null
                ? jdbc.queryForList("select email from account where enabled and email is not null and role = ? "
                + "order by username", String.class, role)
                : jdbc.queryForList("select email from account where enabled and email is not null and role = ? "
                + "and department = ? order by username", String.class, role, department);
    }

    /**
     * The account of the seeding (the local profile's demo users; an installation's first ADMIN) when there is none of
     * that name: never changes an account that exists. Answers whether it was created.
     */
    @Transactional
    public boolean seed(String username, String passwordHash, String role, String department) {
        checkUsername(username);
        checkRole(role, department);
        return insert(username, passwordHash, role, department, SYSTEM);
    }

    private boolean insert(String username, String hash, String role, String department, String actor) {
        int created = jdbc.update("insert into account (username, password_hash, role, department, created_at) "
                + "values (?, ?, ?, ?, ?) on conflict (username) do nothing", username, hash, role, department,
                Timestamp.from(clock.instant()));
        if (created == 1) {
            events.record(username, actor, new AccountCreatedEvent(username, role, department));
        }
        return created == 1;
    }

    /** An ADMIN sets the role (and department); the account's tokens end. Not one's own: an ADMIN stays one. */
    @Transactional
    public Account setRole(String actor, String username, String role, String department) {
        checkRole(role, department);
        Account account = existing(username);
        notOwn(actor, username, "set the role of");
        if (account.role().equals(role) && Objects.equals(account.department(), department)) {
            return account;
        }
        jdbc.update("update account set role = ?, department = ?, token_generation = token_generation + 1 "
                + "where username = ?", role, department, username);
        endRefreshTokens(username);
        events.record(username, actor, new AccountRoleSetEvent(username, role, department));
        return find(username).orElseThrow();
    }

    /** An ADMIN disables the account: it cannot sign in, its tokens end. Disabling a disabled account changes nothing. */
    @Transactional
    public Account disable(String actor, String username) {
        Account account = existing(username);
        notOwn(actor, username, "disable");
        if (!account.enabled()) {
            return account;
        }
        jdbc.update("update account set enabled = false, token_generation = token_generation + 1 where username = ?",
                username);
        endRefreshTokens(username);
        events.record(username, actor, new AccountDisabledEvent(username));
        return find(username).orElseThrow();
    }

    /** An ADMIN enables the account again (its password unchanged; a lock is lifted with it). */
    @Transactional
    public Account enable(String actor, String username) {
        Account account = existing(username);
        if (account.enabled()) {
            return account;
        }
        jdbc.update("update account set enabled = true, failed_sign_ins = 0, locked_until = null where username = ?",
                username);
        events.record(username, actor, new AccountEnabledEvent(username));
        return find(username).orElseThrow();
    }

    /**
     * The user's own new password, given the current one (a wrong one counts towards the lock, as at sign-in: a token
     * left on an open console must not let anyone guess it); every token of the account ends.
     */
    public Account changePassword(String username, String currentPassword, String newPassword) {
        Account account = existing(username);
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            throw locked(account.lockedUntil());
        }
        if (currentPassword == null || !passwords.matches(currentPassword, passwordHash(username))) {
            Instant lockedUntil = failed(username, now);
            if (lockedUntil != null) {
                throw locked(lockedUntil);
            }
            throw new RuleViolation("wrong-password", "currentPassword is not the account's password");
        }
        PasswordRule.check("newPassword", newPassword, username);
        if (newPassword.equals(currentPassword)) {
            throw new InvalidRequest("newPassword: must differ from the current password");
        }
        String hash = passwords.encode(newPassword);
        transactions.executeWithoutResult(status -> {
            jdbc.update("update account set password_hash = ?, failed_sign_ins = 0, "
                    + "token_generation = token_generation + 1 where username = ?", hash, username);
            endRefreshTokens(username);
            events.record(username, username, new AccountPasswordChangedEvent(username));
        });
        return find(username).orElseThrow();
    }

    public static RuleViolation locked(Instant until) {
        return new RuleViolation("account-locked", "too many failed sign-ins in a row: the account is locked until "
                + until);
    }

    private String passwordHash(String username) {
        return jdbc.queryForObject("select password_hash from account where username = ?", String.class, username);
    }

    private void endRefreshTokens(String username) {
        jdbc.update("delete from refresh_token where username = ?", username);
    }

    private Account existing(String username) {
        return find(username).orElseThrow(() -> new NotFound("no account named " + username));
    }

    private static void notOwn(String actor, String username, String what) {
        if (username.equals(actor)) {
            throw new RuleViolation("own-account", "an ADMIN cannot " + what + " their own account; ask another ADMIN");
        }
    }

    private static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidRequest("username: 3 to 60 lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter");
        }
    }

    private static void checkRole(String role, String department) {
        if (role == null || !ROLES.contains(role)) {
            throw new InvalidRequest("role: one of " + ROLES.stream().sorted().toList());
        }
        if (Roles.DEPARTMENT.equals(role)) {
            if (department == null || !DEPARTMENT.matcher(department).matches()) {
                throw new InvalidRequest("department: required for the role DEPARTMENT (lower-case letters, digits "
                        + "and '-', e.g. security)");
            }
        } else if (department != null) {
            throw new InvalidRequest("department: only the role DEPARTMENT has one");
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
