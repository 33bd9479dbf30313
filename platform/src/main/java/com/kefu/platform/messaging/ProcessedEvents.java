package com.kefu.platform.messaging;

import com.kefu.platform.contracts.EventEnvelope;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

/**
 * The idempotent consumer: an effect and the id of the event that caused it are written in one
 * transaction, so an event delivered again (the relay publishes at least once) changes nothing.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public ProcessedEvents(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Runs {@code effect} unless {@code consumer} has already processed {@code event}; both in one
     * transaction. Answers whether the effect ran.
     */
    public boolean once(String consumer, EventEnvelope event, Runnable effect) {
        Boolean applied = transaction.execute(status -> {
            if (!markProcessed(consumer, event.id())) {
                return false;
            }
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }

    /** Whether {@code consumer} has processed the event with this id; for tests and diagnostics. */
    public boolean processed(String consumer, UUID eventId) {
        Integer count = jdbc.queryForObject(
                "select count(*) from processed_event where consumer = ? and event_id = ?",
                Integer.class, consumer, eventId);
        return count != null && count > 0;
    }

    private boolean markProcessed(String consumer, UUID eventId) {
        return jdbc.update("""
                insert into processed_event (consumer, event_id, processed_at)
                values (?, ?, now())
                on conflict do nothing""", consumer, eventId) == 1;
    }
}
