package com.kefu.gateway.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The staff accounts (README "User accounts"): an ADMIN lists, creates, sets the role of, disables and enables them;
 * every user changes their own password. Never a password or its hash in an answer.
 */
@RestController
class UsersController {

    private final Accounts accounts;
    private final SessionTokens tokens;
    private final Clock clock;

    UsersController(Accounts accounts, SessionTokens tokens, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * An account as the API shows it; {@code lockedUntil} only while it is locked. {@code email} in clear to its owner
     * only ({@code /api/users/me}), masked in the ADMIN's list.
     */
    record User(String username, String role, String department, boolean enabled, Instant lockedUntil,
                Instant createdAt, String email) {

        static User of(Account account, Instant now) {
            return new User(account.username(), account.role(), account.department(), account.enabled(),
                    account.lockedAt(now) ? account.lockedUntil() : null, account.createdAt(),
                    EmailAddress.masked(account.email()));
        }

        static User own(Account account, Instant now) {
            User user = of(account, now);
            return new User(user.username(), user.role(), user.department(), user.enabled(), user.lockedUntil(),
                    user.createdAt(), account.email());
        }
    }

    record NewUser(@NotNull @Size(max = 60) String username, @NotNull @Size(max = 200) String password,
                   @NotNull String role, @Size(max = 60) String department, @Size(max = 254) String email) {
    }

    /** The user's own e-mail address; null or blank removes it. */
    record EmailChange(@Size(max = 254) String email) {
    }

    record RoleChange(@NotNull String role, @Size(max = 60) String department) {
    }

    record PasswordChange(@NotNull @Size(max = 200) String currentPassword,
                          @NotNull @Size(max = 200) String newPassword) {
    }

    /** The new password's tokens: the ones the request came with have ended. */
    record Changed(@JsonProperty("access_token") String accessToken,
                   @JsonProperty("token_type") String tokenType,
                   @JsonProperty("expires_in") long expiresIn,
                   @JsonProperty("refresh_token") String refreshToken,
                   @JsonProperty("refresh_expires_in") long refreshExpiresIn) {
    }

    @Operation(summary = "Lists every account (ADMIN): user name, role, department, enabled, locked until")
    @GetMapping("/api/users")
    @PreAuthorize("hasRole('ADMIN')")
    List<User> list() {
        Instant now = now();
        return accounts.all().stream().map(account -> User.of(account, now)).toList();
    }

    @Operation(summary = "The signed-in user's own account (any role)")
    @GetMapping("/api/users/me")
    User me() {
        String username = CurrentUser.get().username();
        return User.own(accounts.find(username).orElseThrow(() -> new NotFound("no account named " + username)),
                now());
    }

    @Operation(summary = "Sets the signed-in user's own e-mail address, where the notifications of their role or "
            + "department are sent (any role); an empty or null email removes it; 400 naming email")
    @PutMapping("/api/users/me/email")
    User setEmail(@Valid @RequestBody EmailChange change) {
        return User.own(accounts.setEmail(CurrentUser.get().username(), change.email()), now());
    }

    @Operation(summary = "Creates an account (ADMIN), with an optional e-mail address; 400 naming the field (user "
            + "name rules, password strength, role, department only for DEPARTMENT, email), 409 username-taken")
    @PostMapping("/api/users")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<User> create(@Valid @RequestBody NewUser user) {
        Account account = accounts.create(CurrentUser.get().username(), user.username(), user.password(), user.role(),
                user.department(), user.email());
        return ResponseEntity.status(HttpStatus.CREATED).body(User.of(account, now()));
    }

    @Operation(summary = "Sets the role and department of an account (ADMIN): its tokens end; 409 own-account")
    @PutMapping("/api/users/{username}/role")
    @PreAuthorize("hasRole('ADMIN')")
    User setRole(@PathVariable String username, @Valid @RequestBody RoleChange change) {
        return User.of(accounts.setRole(CurrentUser.get().username(), username, change.role(), change.department()),
                now());
    }

    @Operation(summary = "Disables an account (ADMIN): it cannot sign in and its tokens end; 409 own-account")
    @PostMapping("/api/users/{username}/disable")
    @PreAuthorize("hasRole('ADMIN')")
    User disable(@PathVariable String username) {
        return User.of(accounts.disable(CurrentUser.get().username(), username), now());
    }

    @Operation(summary = "Enables a disabled account again (ADMIN), lifting a lock with it")
    @PostMapping("/api/users/{username}/enable")
    @PreAuthorize("hasRole('ADMIN')")
    User enable(@PathVariable String username) {
        return User.of(accounts.enable(CurrentUser.get().username(), username), now());
    }

    @Operation(summary = "Changes the signed-in user's own password, given the current one (any role): every token "
            + "of the account ends, the answer carries new ones; 400 newPassword too weak, 409 wrong-password, "
            + "409 account-locked")
    @PostMapping("/api/users/me/password")
    Changed changePassword(@Valid @RequestBody PasswordChange change) {
        Account account = accounts.changePassword(CurrentUser.get().username(), change.currentPassword(),
                change.newPassword());
        SessionTokens.Pair pair = tokens.issue(account);
        return new Changed(pair.accessToken(), "Bearer", pair.expiresIn(), pair.refreshToken(),
                pair.refreshExpiresIn());
    }

    private Instant now() {
        return clock.instant();
    }
}
