package com.kefu.gateway.accounts;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** R6: an outage of the accounts' database refuses no token the services would take. */
class AccountStatesTest {

    /** The accounts' table as one row per name, or a database that cannot be reached. */
    static final class Accounts extends JdbcTemplate {

        volatile boolean down;
        volatile AccountStates.State desk = new AccountStates.State(true, 1);

        @Override
        @SuppressWarnings("unchecked")
        public <T> List<T> query(String sql, RowMapper<T> rows, Object... args) {
            if (down) {
                throw new DataAccessResourceFailureException("connection refused");
            }
            return "desk".equals(args[0]) ? List.of((T) desk) : List.of();
        }
    }

    @Test
    @DisplayName("R6 while the database cannot be read, the state last read stands and an account not read yet passes "
            + "on its token alone")
    void lastReadStands() {
        Accounts accounts = new Accounts();
        // no caching between reads: each one goes to the database
        AccountStates states = new AccountStates(accounts, new AccountProperties(null, null, null, Duration.ZERO,
                null));
        accounts.desk = new AccountStates.State(false, 2);
        assertThat(states.of("desk")).contains(new AccountStates.State(false, 2));

        accounts.down = true;
        assertThat(states.of("desk")).as("disabled before the outage: still disabled")
                .contains(new AccountStates.State(false, 2));
        assertThat(states.of("head")).as("not read before the outage").isEqualTo(Optional.empty());

        accounts.down = false;
        accounts.desk = new AccountStates.State(true, 3);
        assertThat(states.of("desk")).contains(new AccountStates.State(true, 3));
    }
}
