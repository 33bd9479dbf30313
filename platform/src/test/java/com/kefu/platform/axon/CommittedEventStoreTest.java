package com.kefu.platform.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's streams (the relay) are woken when a write commits, never before: the store here looks for new events
 * only once an hour, so what reaches a stream was brought by the wake-up.
 */
class CommittedEventStoreTest {

    private final AtomicInteger wakeUps = new AtomicInteger();
    private CommittedEventStore store;

    @BeforeEach
    void openStore() {
        store = new CommittedEventStore(EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .fetchDelay(1)
                .timeUnit(TimeUnit.HOURS)) {
            @Override
            protected void wake(List<? extends EventMessage<?>> events) {
                wakeUps.incrementAndGet();
                super.wake(events);
            }
        };
    }

    @AfterEach
    void close() {
        store.shutDown();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    @DisplayName("A write that joined a longer transaction wakes the streams when that transaction commits, not before")
    void wokenAtTheCommitOfTheOuterTransaction() throws InterruptedException {
        TrackingEventStream stream = tailing();
        TransactionSynchronizationManager.initSynchronization();
        publishInUnitOfWork("registered");

        assertThat(wakeUps).as("woken before the outer transaction committed").hasValue(0);
        List<TransactionSynchronization> atEnd = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        atEnd.forEach(TransactionSynchronization::afterCommit);

        assertThat(wakeUps).hasValue(1);
        assertThat(stream.hasNextAvailable(30, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("registered");
        stream.close();
    }

    @Test
    @DisplayName("A write whose unit of work committed its own transaction wakes the streams at once")
    void wokenAtOnceWithoutAnOuterTransaction() throws InterruptedException {
        TrackingEventStream stream = tailing();
        publishInUnitOfWork("assigned");

        assertThat(wakeUps).hasValue(1);
        assertThat(stream.hasNextAvailable(30, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("assigned");
        stream.close();
    }

    @Test
    @DisplayName("A write in a transaction that rolls back wakes nothing")
    void notWokenByARollback() {
        TransactionSynchronizationManager.initSynchronization();
        publishInUnitOfWork("never committed");

        List<TransactionSynchronization> atEnd = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        atEnd.forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));

        assertThat(wakeUps).hasValue(0);
    }

    /** A stream at the head of the (empty) store, waiting on the store's own reader as the relay does. */
    private TrackingEventStream tailing() throws InterruptedException {
        TrackingEventStream stream = store.openStream(null);
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        return stream;
    }

    private void publishInUnitOfWork(String payload) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(GenericEventMessage.asEventMessage(payload)));
    }
}
