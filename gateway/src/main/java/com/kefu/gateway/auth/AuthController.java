package com.kefu.gateway.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.kefu.gateway.accounts.Accounts;
import com.kefu.gateway.accounts.SessionTokens;
import com.kefu.platform.rules.RuleViolation;
import com.kefu.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/token}: a user name and password in, a short-lived access token with the user's role and a
 * refresh token out; {@code POST /api/auth/refresh}: a refresh token in (good once), a new pair out while the account
 * may still sign in (README "User accounts").
 */
@RestController
class AuthController {

    private final Accounts accounts;
    private final SessionTokens tokens;

    AuthController(Accounts accounts, SessionTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    record Credentials(@NotBlank @Size(max = 60) String username, @NotBlank @Size(max = 200) String password) {
    }

    record Refresh(@JsonProperty("refresh_token") @NotBlank @Size(max = 100) String refreshToken) {
    }

    record Token(@JsonProperty("access_token") String accessToken,
                 @JsonProperty("token_type") String tokenType,
                 @JsonProperty("expires_in") long expiresIn,
                 @JsonProperty("refresh_token") String refreshToken,
                 @JsonProperty("refresh_expires_in") long refreshExpiresIn) {

        static Token of(SessionTokens.Pair pair) {
            return new Token(pair.accessToken(), "Bearer", pair.expiresIn(), pair.refreshToken(),
                    pair.refreshExpiresIn());
        }
    }

    @Operation(summary = "Signs in with a user name and password and returns an access token and a refresh token; "
            + "409 account-locked after too many failed sign-ins, 409 account-disabled")
    @PostMapping("/api/auth/token")
    ResponseEntity<?> token(@Valid @RequestBody Credentials credentials) {
        Accounts.SignIn signIn = accounts.signIn(credentials.username(), credentials.password());
        if (signIn instanceof Accounts.SignIn.Accepted accepted) {
            return ResponseEntity.ok(Token.of(tokens.issue(accepted.account())));
        }
        if (signIn instanceof Accounts.SignIn.Locked locked) {
            throw Accounts.locked(locked.until());
        }
        if (signIn instanceof Accounts.SignIn.Disabled) {
            throw new RuleViolation("account-disabled", "the account is disabled; an ADMIN can enable it again");
        }
        return unauthorized("invalid-credentials", "unknown user name or wrong password");
    }

    @Operation(summary = "Exchanges a refresh token (good once) for a new access token and refresh token, while the "
            + "account is enabled and its password and role unchanged")
    @PostMapping("/api/auth/refresh")
    ResponseEntity<?> refresh(@Valid @RequestBody Refresh refresh) {
        return tokens.redeem(refresh.refreshToken(), accounts)
                .<ResponseEntity<?>>map(account -> ResponseEntity.ok(Token.of(tokens.issue(account))))
                .orElseGet(() -> unauthorized("invalid-refresh-token", "the refresh token is unknown, used, expired, "
                        + "or the account was disabled or its password or role changed since: sign in again"));
    }

    private static ResponseEntity<ProblemDetail> unauthorized(String type, String detail) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.of(HttpStatus.UNAUTHORIZED, type, detail));
    }
}
