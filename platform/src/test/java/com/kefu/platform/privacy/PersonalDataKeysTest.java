package com.kefu.platform.privacy;

import com.kefu.platform.test.Infrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The subjects' keys on a real PostgreSQL: how often they are read and written, and what a rollback leaves. */
class PersonalDataKeysTest {

    private static DriverManagerDataSource dataSource;

    private final AtomicInteger statements = new AtomicInteger();
    private CountingJdbc jdbc;
    private PersonalDataKeys keys;
    private TransactionTemplate transaction;

    @BeforeAll
    static void database() {
        Infrastructure infrastructure = Infrastructure.get();
        dataSource = new DriverManagerDataSource(infrastructure.newDatabase("keys"), infrastructure.user(),
                infrastructure.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
    }

    @BeforeEach
    void keys() {
        jdbc = new CountingJdbc();
        keys = new PersonalDataKeys(jdbc, Clock.systemUTC(), Duration.ofMinutes(1));
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void aRecordCreatedWithSeveralEventsDrawsItsKeyOnce() {
        String subject = "complaint-" + System.nanoTime();
        SecretKey[] drawn = transaction.execute(status ->
                new SecretKey[] {keys.keyFor(subject), keys.keyFor(subject), keys.keyFor(subject)});

        assertThat(drawn[1]).isSameAs(drawn[0]);
        assertThat(drawn[2]).isSameAs(drawn[0]);
        assertThat(statements).as("statements for three events of one new subject in one transaction").hasValue(1);
        assertThat(keys.find(subject)).contains(drawn[0]);
        assertThat(statements).as("read from the cache once committed").hasValue(1);
    }

    @Test
    void aKeyDrawnInATransactionThatRollsBackIsNeitherKeptNorCached() {
        String subject = "complaint-" + System.nanoTime();
        transaction.executeWithoutResult(status -> {
            keys.keyFor(subject);
            status.setRollbackOnly();
        });

        assertThat(keys.find(subject)).isEmpty();
        SecretKey next = transaction.execute(status -> keys.keyFor(subject));
        assertThat(keys.find(subject)).contains(next);
    }

    @Test
    void anErasedSubjectGetsANewKeyForNewData() {
        String subject = "member-" + System.nanoTime();
        SecretKey first = transaction.execute(status -> keys.keyFor(subject));
        transaction.executeWithoutResult(status -> keys.erase(subject, "admin", "asked to be forgotten"));
        assertThat(keys.find(subject)).isEmpty();

        SecretKey second = transaction.execute(status -> keys.keyFor(subject));
        assertThat(second.getEncoded()).isNotEqualTo(first.getEncoded());
    }

    /** Counts the statements the keys send. */
    private class CountingJdbc extends JdbcTemplate {

        CountingJdbc() {
            super(dataSource);
        }

        @Override
        public <T> java.util.List<T> queryForList(String sql, Class<T> elementType, Object... args) {
            statements.incrementAndGet();
            return super.queryForList(sql, elementType, args);
        }
    }
}
