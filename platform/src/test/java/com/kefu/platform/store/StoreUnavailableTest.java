package com.kefu.platform.store;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class StoreUnavailableTest {

    @Test
    void aLostOrRefusedConnectionIsAnOutage() {
        assertThat(StoreUnavailable.isOutage(new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE))).isTrue();
        assertThat(StoreUnavailable.isOutage(new PSQLException("refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)))
                .isTrue();
        assertThat(StoreUnavailable.isOutage(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(StoreUnavailable.isOutage(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(StoreUnavailable.isOutage(new SQLTransientConnectionException("pool: request timed out"))).isTrue();
    }

    @Test
    void anOutageIsFoundUnderWhatWrapsIt() {
        var lost = new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE);
        assertThat(StoreUnavailable.causedBy(new IllegalStateException("handler failed",
                new RuntimeException("jdbc", lost)))).isTrue();
        assertThat(StoreUnavailable.causedBy(new org.springframework.transaction.TransactionSystemException(
                "Could not roll back JDBC transaction", new SQLException("Connection is closed")))).isTrue();
        assertThat(StoreUnavailable.causedBy(new IllegalStateException("no",
                new SQLException("duplicate key", "23505")))).isFalse();
    }

    @Test
    void anyOtherErrorOfTheDatabaseIsNot() {
        assertThat(StoreUnavailable.isOutage(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(StoreUnavailable.isOutage(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(StoreUnavailable.isOutage(new SQLException("query canceled", "57014"))).isFalse();
        assertThat(StoreUnavailable.isOutage(new SQLException("no state"))).isFalse();
    }
}
