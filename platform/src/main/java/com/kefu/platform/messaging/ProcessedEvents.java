package com.kefu.platform.messaging;

import com.kefu.platform.contracts.EventEnvelope;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

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

    /**
     * The batch form of {@link #once}: {@code effect} takes, in their order, those of {@code events} that
     * {@code consumer} has not processed yet (each id once, however often it is in the batch); their ids are marked
     * in the same one transaction, all or nothing. Answers how many the effect took.
     */
    public int onceEach(String consumer, List<EventEnvelope> events, Consumer<List<EventEnvelope>> effect) {
        if (events.isEmpty()) {
            return 0;
        }
        Integer taken = transaction.execute(status -> {
            Set<UUID> fresh = markProcessed(consumer, events);
            List<EventEnvelope> firstTime = new ArrayList<>(fresh.size());
            for (EventEnvelope event : events) {
                if (fresh.remove(event.id())) {
                    firstTime.add(event);
                }
            }
            if (!firstTime.isEmpty()) {
                effect.accept(firstTime);
            }
            return firstTime.size();
        });
        return taken == null ? 0 : taken;
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

    /** Every event of the batch marked in one statement; answers the ids that were not marked before. */
    private Set<UUID> markProcessed(String consumer, List<EventEnvelope> events) {
        Set<UUID> fresh = new HashSet<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    insert into processed_event (consumer, event_id, processed_at)
                    select ?, id, now() from unnest(?) as id
                    on conflict do nothing returning event_id""");
            statement.setString(1, consumer);
            statement.setArray(2, connection.createArrayOf("uuid",
                    events.stream().map(EventEnvelope::id).toArray()));
            return statement;
        }, (RowCallbackHandler) row -> fresh.add(row.getObject(1, UUID.class)));
        return fresh;
    }
}
