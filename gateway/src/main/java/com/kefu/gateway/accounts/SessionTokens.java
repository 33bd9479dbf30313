package com.kefu.gateway.accounts;

import com.kefu.platform.security.TokenIssuer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tokens of a signed-in user: a short-lived access token (every service verifies it by its signature alone, so
 * its lifetime bounds how long a request sent straight to a service outlives a revocation) and a refresh token, good
 * once, which the gateway exchanges for a new pair only while the account is enabled and its token generation
 * unchanged. The database keeps each refresh token's SHA-256, never the token.
 */
@Component
public class SessionTokens {

    /** The access token's claim with the account's token generation ({@link AccountTokens} checks it). */
    public static final String GENERATION_CLAIM = "gen";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final TokenIssuer issuer;
    private final AccountProperties properties;
    private final Clock clock;

    SessionTokens(JdbcTemplate jdbc, TokenIssuer issuer, AccountProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.issuer = issuer;
        this.properties = properties;
        this.clock = clock;
    }

    /** An access token and the refresh token that renews it. */
    public record Pair(String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn) {
    }

    /** A new pair for an account that may sign in; its refresh tokens past their time are dropped. */
    @Transactional
    public Pair issue(Account account) {
        Instant now = clock.instant();
        jdbc.update("delete from refresh_token where username = ? and expires_at <= ?", account.username(),
                Timestamp.from(now));
        String access = issuer.issue(account.username(), account.roles(), account.department(),
                Map.of(GENERATION_CLAIM, account.tokenGeneration()));
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        jdbc.update("insert into refresh_token (token_hash, username, token_generation, expires_at) values (?, ?, ?, ?)",
                sha256(refresh), account.username(), account.tokenGeneration(),
                Timestamp.from(now.plus(properties.refreshLifetime())));
        return new Pair(access, issuer.lifetime().toSeconds(), refresh, properties.refreshLifetime().toSeconds());
    }

    /**
     * The refresh token exchanged (it is good once): the account it was issued to, when the token is known, not past
     * its time, and the account still enabled at the same token generation; else empty.
     */
    @Transactional
    public Optional<Account> redeem(String refreshToken, Accounts accounts) {
        record Stored(String username, int generation, Instant expiresAt) {
        }
        List<Stored> stored = jdbc.query("delete from refresh_token where token_hash = ? "
                        + "returning username, token_generation, expires_at",
                (row, n) -> new Stored(row.getString(1), row.getInt(2), row.getTimestamp(3).toInstant()),
                sha256(refreshToken));
        if (stored.isEmpty() || !clock.instant().isBefore(stored.get(0).expiresAt())) {
            return Optional.empty();
        }
        return accounts.find(stored.get(0).username())
                .filter(account -> account.enabled() && account.tokenGeneration() == stored.get(0).generation());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
