package com.kefu.platform.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Axon's embedded event store, but waking its streams (the relay) when the events are committed, not before. Axon
 * wakes them at the end of the command's unit of work, which commits the transaction only when it began it; where the
 * command joins a longer transaction (an intake, a desk: the number, the idempotency key and the events in one) the
 * wake-up came before the commit, the store found nothing new and its streams waited for the next look
 * ({@code kefu.processors.fetch-delay}). So the look had to come often (every 50 ms), and every service's store asked
 * PostgreSQL twenty times a second whether anything was new, idle or not. Woken after the commit, a local write reaches
 * the relay at once whatever the delay; the delay is how long events written by another instance may wait.
 */
public class CommittedEventStore extends EmbeddedEventStore {

    protected CommittedEventStore(Builder builder) {
        super(builder);
    }

    public static CommittedEventStore of(Builder builder) {
        return new CommittedEventStore(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // the unit of work joined a transaction that is still open: wake the streams when that one commits
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake(events);
                }
            });
        } else {
            wake(events);
        }
    }

    /** Tells the waiting streams that there is something new to read. */
    protected void wake(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
    }
}
