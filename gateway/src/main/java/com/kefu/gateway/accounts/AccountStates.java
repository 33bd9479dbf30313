package com.kefu.gateway.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What a token is checked against, per account: whether it is enabled and its token generation. Cached for
 * {@code kefu.gateway.accounts.state-cache} (one primary-key read per user and period, not per request); the instance
 * that changes an account forgets it at the change's commit, another instance sees it at the latest that much later.
 * While the gateway's database cannot be read, the state last read of each account stands, and a token of an account
 * not read yet passes on its signature and its life alone (at most the access token's lifetime), as at the services:
 * an outage of the accounts' database must not refuse every request, an emergency's included (R6).
 */
@Component
class AccountStates {

    record State(boolean enabled, int generation) {
    }

    private static final Logger log = LoggerFactory.getLogger(AccountStates.class);

    private final JdbcTemplate jdbc;
    private final Cache<String, Optional<State>> states;
    private final Cache<String, Optional<State>> lastRead = Caffeine.newBuilder().maximumSize(10_000).build();
    private volatile boolean unreadable;

    AccountStates(JdbcTemplate jdbc, AccountProperties properties) {
        this.jdbc = jdbc;
        this.states = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(properties.stateCache()).build();
    }

    /** Empty for a name without an account, and for one not read yet while the database cannot be read. */
    Optional<State> of(String username) {
        try {
            Optional<State> state = states.get(username, this::read);
            if (unreadable) {
                unreadable = false;
                log.info("the accounts can be read again");
            }
            return state;
        } catch (DataAccessException e) {
            if (!unreadable) {
                unreadable = true;
                log.warn("the accounts cannot be read ({}): tokens are checked against the states last read, and on "
                        + "their signature alone for accounts not read yet", e.getMessage());
            }
            Optional<State> last = lastRead.getIfPresent(username);
            return last != null ? last : Optional.empty();
        }
    }

    private Optional<State> read(String username) {
        Optional<State> state = jdbc.query("select enabled, token_generation from account where username = ?",
                (row, n) -> new State(row.getBoolean(1), row.getInt(2)), username).stream().findFirst();
        lastRead.put(username, state);
        return state;
    }

    void forget(String username) {
        states.invalidate(username);
    }
}
