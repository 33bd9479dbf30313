package com.kefu.platform.test;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.config.BeanPostProcessor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Counts what the service reads of one aggregate's stream in the event store: its snapshots and its events. The
 * work of a command on a long history, counted instead of timed: {@code @Import(EventReads.class)} on the test,
 * then {@link #during}.
 */
public class EventReads implements BeanPostProcessor {

    private final Map<String, AtomicLong> snapshots = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> events = new ConcurrentHashMap<>();

    /** What was read of an aggregate's stream: snapshots and events (snapshotting included). */
    public record Reads(long snapshots, long events) {
    }

    /** What running {@code work} read of the stream of {@code aggregateId}. */
    public Reads during(String aggregateId, Runnable work) {
        snapshots.remove(aggregateId);
        events.remove(aggregateId);
        work.run();
        return new Reads(count(snapshots, aggregateId).get(), count(events, aggregateId).get());
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof EventStorageEngine engine && !(bean instanceof Counting) ? new Counting(engine) : bean;
    }

    private static AtomicLong count(Map<String, AtomicLong> counts, String aggregateId) {
        return counts.computeIfAbsent(aggregateId, id -> new AtomicLong());
    }

    private final class Counting implements EventStorageEngine {

        private final EventStorageEngine engine;

        Counting(EventStorageEngine engine) {
            this.engine = engine;
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return new CountingStream(engine.readEvents(aggregateIdentifier, firstSequenceNumber),
                    count(events, aggregateIdentifier));
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            Optional<DomainEventMessage<?>> snapshot = engine.readSnapshot(aggregateIdentifier);
            snapshot.ifPresent(found -> count(snapshots, aggregateIdentifier).incrementAndGet());
            return snapshot;
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            engine.appendEvents(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            engine.storeSnapshot(snapshot);
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            return engine.readEvents(trackingToken, mayBlock);
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            return engine.lastSequenceNumberFor(aggregateIdentifier);
        }

        @Override
        public TrackingToken createTailToken() {
            return engine.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return engine.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return engine.createTokenAt(dateTime);
        }
    }

    private record CountingStream(DomainEventStream stream, AtomicLong read) implements DomainEventStream {

        @Override
        public boolean hasNext() {
            return stream.hasNext();
        }

        @Override
        public DomainEventMessage<?> next() {
            read.incrementAndGet();
            return stream.next();
        }

        @Override
        public DomainEventMessage<?> peek() {
            return stream.peek();
        }

        @Override
        public Long getLastSequenceNumber() {
            return stream.getLastSequenceNumber();
        }
    }
}
