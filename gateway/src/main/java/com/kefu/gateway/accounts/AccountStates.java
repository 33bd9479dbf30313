package com.kefu.gateway.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What a token is checked against, per account: whether it is enabled and its token generation. Cached for
 * {@code kefu.gateway.accounts.state-cache} (one primary-key read per user and period, not per request); the instance
 * that changes an account forgets it at the change's commit, another instance sees it at the latest that much later.
 */
@Component
class AccountStates {

    record State(boolean enabled, int generation) {
    }

    private final JdbcTemplate jdbc;
    private final Cache<String, Optional<State>> states;

    AccountStates(JdbcTemplate jdbc, AccountProperties properties) {
        this.jdbc = jdbc;
        this.states = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(properties.stateCache()).build();
    }

    /** Empty for a name without an account. */
    Optional<State> of(String username) {
        return states.get(username, name -> jdbc.query("select enabled, token_generation from account "
                + "where username = ?", (row, n) -> new State(row.getBoolean(1), row.getInt(2)), name)
                .stream().findFirst());
    }

    void forget(String username) {
        states.invalidate(username);
    }
}
