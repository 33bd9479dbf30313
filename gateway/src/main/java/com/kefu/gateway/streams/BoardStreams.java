package com.kefu.gateway.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.platform.contracts.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The streams of one board that one gateway instance keeps from a topic (a {@link TopicFeed}): a {@code snapshot} of
 * the board as the client's roles see it when it connects, then an {@code update} (the whole view again) as soon as
 * the board changes, not batched like the dashboard's (what such a board shows is rare and is to be seen at once).
 * A client that reconnects gets the snapshot again: nothing to resume, nothing lost. The CS manager's and the CS
 * head's notices (D14, {@link NoticeBoard}) and the supervisor's inbox (C14, {@link EscalationBoard}) are such boards.
 */
final class BoardStreams implements TopicFeed.Handler {

    static final String SNAPSHOT = "snapshot";
    static final String UPDATE = "update";

    /** Changed by the topic's events; shown to a client with {@code roles}, {@code complete} once read to the end. */
    interface Board {

        /** Answers whether the board changed. */
        boolean apply(EventEnvelope envelope);

        Object view(boolean complete, List<String> roles);
    }

    private final Board board;
    private final StreamsProperties properties;
    private final ObjectMapper json;
    private final Executor senders;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile BooleanSupplier complete = () -> false;
    private boolean changed;
    /**
     * Complete as the clients were told: set by the feed's thread, which then sends everyone an update. A snapshot
     * shows this, not the feed's own state, so that a client never gets an update that tells it nothing new.
     */
    private volatile boolean wasComplete;

    private final class Connection extends SseConnection {

        private final List<String> roles;

        Connection(SseEmitter emitter, List<String> roles) {
            super(emitter, json, senders, properties.maxPending());
            this.roles = roles;
        }

        Object view() {
            return board.view(wasComplete, roles);
        }
    }

    BoardStreams(Board board, StreamsProperties properties, ObjectMapper json, Executor senders) {
        this.board = board;
        this.properties = properties;
        this.json = json;
        this.senders = senders;
    }

    void completeWhen(BooleanSupplier caughtUp) {
        this.complete = caughtUp;
    }

    @Override
    public void onRecord(ConsumerRecord<String, byte[]> record, Optional<EventEnvelope> envelope) {
        envelope.ifPresent(read -> changed |= board.apply(read));
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
            synchronized (this) {
                connections.forEach(connection -> {
                    Object view = connection.view();
                    connection.enqueue(() -> connection.send(UPDATE, null, view));
                });
            }
        }
    }

    /** A stream of the board as a client with {@code roles} (the caller's) sees it. */
    SseEmitter open(List<String> roles) {
        SseEmitter emitter = new SseEmitter(properties.maxConnection().toMillis());
        Connection connection = new Connection(emitter, roles);
        connection.onClose(() -> connections.remove(connection));
        synchronized (this) {
            connection.sendFirst(SNAPSHOT, null, connection.view());
            connections.add(connection);
        }
        return emitter;
    }

    void heartbeat() {
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
