package com.kefu.gateway.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The CS manager's and the CS head's notice streams of one gateway instance (篇2 B3, D14): a {@code snapshot} of the
 * notices still waiting for one of the user's roles when a client connects, then an {@code update} (the whole list
 * again) as soon as a notice is sent or acknowledged. A client that reconnects gets the snapshot again: nothing to
 * resume, nothing lost. Built like the dashboard's streams, on a {@link TopicFeed} of {@code dutylog.events}.
 */
final class NoticeStreams implements TopicFeed.Handler {

    static final String SNAPSHOT = "snapshot";
    static final String UPDATE = "update";

    /** What a client is sent: {@code complete} is false while the gateway still reads the topic from its start. */
    record Notices(boolean complete, List<NoticeBoard.Notice> notices) {
    }

    private final NoticeBoard board = new NoticeBoard();
    private final StreamsProperties properties;
    private final ObjectMapper json;
    private final Executor senders;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile BooleanSupplier complete = () -> false;
    private boolean changed;
    private boolean wasComplete;

    private final class Connection extends SseConnection {

        private final List<String> roles;

        Connection(SseEmitter emitter, List<String> roles) {
            super(emitter, json, senders, properties.maxPending());
            this.roles = roles;
        }

        Notices notices() {
            return new Notices(complete.getAsBoolean(), board.waitingFor(roles));
        }
    }

    NoticeStreams(StreamsProperties properties, ObjectMapper json, Executor senders) {
        this.properties = properties;
        this.json = json;
        this.senders = senders;
    }

    void completeWhen(BooleanSupplier caughtUp) {
        this.complete = caughtUp;
    }

    @Override
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        Envelopes.read(record).ifPresent(envelope -> changed |= board.apply(envelope));
    }

    /** At once, not batched like the dashboard: a notice is rare and is to be told at once. */
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
                    Notices notices = connection.notices();
                    connection.enqueue(() -> connection.send(UPDATE, null, notices));
                });
            }
        }
    }

    /** A stream of the notices waiting for one of {@code roles} (the caller's). */
    SseEmitter open(List<String> roles) {
        SseEmitter emitter = new SseEmitter(properties.maxConnection().toMillis());
        Connection connection = new Connection(emitter, roles);
        connection.onClose(() -> connections.remove(connection));
        synchronized (this) {
            connection.sendFirst(SNAPSHOT, null, connection.notices());
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
}
