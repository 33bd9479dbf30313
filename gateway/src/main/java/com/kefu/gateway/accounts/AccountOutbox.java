package com.kefu.gateway.accounts;

import com.kefu.platform.contracts.accounts.AccountTopics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Puts the account events of the outbox on {@code account.events}, oldest first, and deletes them once the broker has
 * acknowledged them: at least once (a crash between the two publishes them again, under the same event id, which
 * consumers deduplicate on) and in order per account. One gateway instance at a time publishes (a transaction-scoped
 * advisory lock), so that two instances never overtake each other's events. Woken after each change's commit, and
 * every {@code kefu.gateway.accounts.outbox-interval} for what a failed attempt left (the broker down).
 */
@Component
class AccountOutbox implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccountOutbox.class);
    /** The advisory lock's key: one publisher among the gateway's instances. */
    private static final long PUBLISHER_LOCK = 0x6b6566755f616363L;
    private static final int BATCH = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AccountProperties properties;
    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> kafka;
    private ScheduledExecutorService executor;

    AccountOutbox(JdbcTemplate jdbc, TransactionTemplate transactions, AccountProperties properties,
                  KafkaProperties kafkaProperties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.producers = new DefaultKafkaProducerFactory<>(kafkaProperties.buildProducerProperties(null),
                new StringSerializer(), new ByteArraySerializer());
        this.kafka = new KafkaTemplate<>(producers);
    }

    private record Row(long position, String username, String envelope) {
    }

    /** Publishes what waits; answers how many it published. Fails (and leaves them waiting) when the broker does. */
    int publish() {
        Integer published = transactions.execute(status -> {
            Boolean mine = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, PUBLISHER_LOCK);
            if (!Boolean.TRUE.equals(mine)) {
                return 0;
            }
            List<Row> rows = jdbc.query("select position, username, envelope from account_outbox order by position "
                    + "limit " + BATCH, (row, n) -> new Row(row.getLong(1), row.getString(2), row.getString(3)));
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (Row row : rows) {
                CompletableFuture<?> sent = kafka.send(new ProducerRecord<>(AccountTopics.EVENTS, row.username(),
                        row.envelope().getBytes(StandardCharsets.UTF_8)));
                sends.add(sent);
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
            if (!rows.isEmpty()) {
                jdbc.update("delete from account_outbox where position <= ?", rows.get(rows.size() - 1).position());
            }
            return rows.size();
        });
        return published == null ? 0 : published;
    }

    /** A change was committed: publish it soon, on the publisher's thread. */
    void wake() {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.execute(this::publishQuietly);
        }
    }

    private void publishQuietly() {
        try {
            while (publish() == BATCH) {
                // more than a batch waited: go on
            }
        } catch (RuntimeException e) {
            log.warn("account events wait in the outbox: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "account-outbox");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.outboxInterval().toMillis();
        executor.scheduleWithFixedDelay(this::publishQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
        producers.destroy();
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
