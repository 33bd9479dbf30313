package com.kefu.gateway.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.platform.contracts.EventEnvelope;
import com.kefu.platform.time.MallTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The managers' dashboard streams of one gateway instance: a {@code snapshot} of the {@link DashboardFigures} when a
 * client connects, then an {@code update} (the whole figures again) whenever they change, at most one per
 * {@code dashboardPause} however many events arrive, and one when the mall's day turns (missed deadlines are
 * today's).
 */
final class DashboardStreams implements TopicFeed.Handler {

    static final String SNAPSHOT = "snapshot";
    static final String UPDATE = "update";

    private final DashboardFigures figures;
    private final StreamsProperties properties;
    private final ObjectMapper json;
    private final Executor senders;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Set<SseConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean updateScheduled = new AtomicBoolean();
    private volatile BooleanSupplier complete = () -> false;
    private volatile long lastUpdate = System.nanoTime();
    private volatile LocalDate lastDay;
    private boolean changed;
    private boolean wasComplete;

    DashboardStreams(StreamsProperties properties, ObjectMapper json, Executor senders,
                     ScheduledExecutorService scheduler, MallTime mallTime) {
        Clock clock = mallTime.clock();
        this.figures = new DashboardFigures(mallTime.zone());
        this.properties = properties;
        this.json = json;
        this.senders = senders;
        this.scheduler = scheduler;
        this.clock = clock;
        this.lastDay = figures.today(clock.instant());
    }

    /** Whether the feed has read the topics as far as they went at start: until then the figures are partial. */
    void completeWhen(BooleanSupplier caughtUp) {
        this.complete = caughtUp;
    }

    @Override
    public void onRecord(ConsumerRecord<String, byte[]> record, Optional<EventEnvelope> envelope) {
        envelope.ifPresent(read -> changed |= figures.apply(read));
    }

    @Override
    public void afterPoll() {
        boolean nowComplete = complete.getAsBoolean();
        if (nowComplete != wasComplete) {
            wasComplete = nowComplete;
            changed = true;
        }
        if (changed) {
            changed = false;
            scheduleUpdate();
        }
    }

    SseEmitter open() {
        SseEmitter emitter = new SseEmitter(properties.maxConnection().toMillis());
        var connection = new SseConnection(emitter, json, senders, properties.maxPending()) {
        };
        connection.onClose(() -> connections.remove(connection));
        synchronized (this) {
            Object snapshot = figures.snapshot(clock.instant(), complete.getAsBoolean());
            connection.sendFirst(SNAPSHOT, null, snapshot);
            connections.add(connection);
        }
        return emitter;
    }

    /** Now if the last update is long enough ago, else when it will be: a burst of changes is one update. */
    private void scheduleUpdate() {
        if (updateScheduled.compareAndSet(false, true)) {
            long wait = lastUpdate + properties.dashboardPause().toNanos() - System.nanoTime();
            scheduler.schedule(this::update, Math.max(0, wait), TimeUnit.NANOSECONDS);
        }
    }

    private void update() {
        updateScheduled.set(false);
        lastUpdate = System.nanoTime();
        lastDay = figures.today(clock.instant());
        if (connections.isEmpty()) {
            return;
        }
        synchronized (this) {
            Object snapshot = figures.snapshot(clock.instant(), complete.getAsBoolean());
            connections.forEach(connection -> connection.enqueue(() -> connection.send(UPDATE, null, snapshot)));
        }
    }

    /** Heartbeats, and an update when the day turned. */
    void heartbeat() {
        if (!figures.today(clock.instant()).equals(lastDay)) {
            scheduleUpdate();
        }
        connections.forEach(connection -> connection.enqueue(() -> connection.sendHeartbeat(null)));
    }

    void closeAll() {
        List.copyOf(connections).forEach(SseConnection::close);
    }

    /** The streams open now ({@code kefu.streams.connections}). */
    int openConnections() {
        return connections.size();
    }
}
