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
 * The supervisor's inbox streams of one gateway instance (C14, 第四章): a {@code snapshot} of the escalated MAJOR
 * complaints when a client connects, then an {@code update} (the whole inbox again) as soon as one is escalated,
 * acknowledged, given instructions, assigned, resolved or archived. A client that reconnects gets the snapshot again:
 * nothing to resume, nothing lost. Built like the notice streams, on a {@link TopicFeed} of {@code complaint.events}.
 */
final class EscalationStreams implements TopicFeed.Handler {

    static final String SNAPSHOT = "snapshot";
    static final String UPDATE = "update";

    /** What a client is sent: {@code complete} is false while the gateway still reads the topic from its start. */
    record Inbox(boolean complete, List<EscalationBoard.Escalation> escalations) {
    }

    private final EscalationBoard board = new EscalationBoard();
    private final StreamsProperties properties;
    private final ObjectMapper json;
    private final Executor senders;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile BooleanSupplier complete = () -> false;
    private boolean changed;
    private boolean wasComplete;

    private final class Connection extends SseConnection {

        Connection(SseEmitter emitter) {
            super(emitter, json, senders, properties.maxPending());
        }

        Inbox inbox() {
            return new Inbox(complete.getAsBoolean(), board.inbox());
        }
    }

    EscalationStreams(StreamsProperties properties, ObjectMapper json, Executor senders) {
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

    /** At once, not batched like the dashboard: an escalation is rare and the supervisor is to see it at once. */
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
                    Inbox inbox = connection.inbox();
                    connection.enqueue(() -> connection.send(UPDATE, null, inbox));
                });
            }
        }
    }

    /** A stream of the supervisor's inbox. */
    SseEmitter open() {
        SseEmitter emitter = new SseEmitter(properties.maxConnection().toMillis());
        Connection connection = new Connection(emitter);
        connection.onClose(() -> connections.remove(connection));
        synchronized (this) {
            connection.sendFirst(SNAPSHOT, null, connection.inbox());
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
