package com.kefu.gateway.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Map;
import java.util.concurrent.Executor;

/**
 * A department's stream to one client. It knows where the client stands in {@code complaint.events} (the
 * {@link Positions} every event carries as its id) and never sends a record's notice twice: a record below that
 * position has been sent already.
 */
final class DepartmentConnection extends SseConnection {

    static final String SUBSCRIBED = "subscribed";

    private final String department;
    /** Read for the first event on the request thread, then only by deliveries (which run one after the other). */
    private volatile Positions position;

    DepartmentConnection(String department, Positions start, SseEmitter emitter, ObjectMapper json, Executor senders,
                         int maxPending) {
        super(emitter, json, senders, maxPending);
        this.department = department;
        this.position = start;
    }

    String department() {
        return department;
    }

    /** The stream's first event, on the request thread (see {@link #sendFirst}). */
    void subscribed(boolean resumed) {
        sendFirst(SUBSCRIBED, position.encode(), Map.of("department", department, "resumed", resumed));
    }

    /** A record of the topic with what it tells this department, or {@code null} when it tells it nothing. */
    void record(int partition, long offset, DepartmentNotice notice) {
        enqueue(() -> deliver(partition, offset, notice));
    }

    /** Sent on the sender thread, in order, also by a catch-up. */
    void deliver(int partition, long offset, DepartmentNotice notice) throws java.io.IOException {
        if (offset < position.of(partition)) {
            return;
        }
        position = position.with(partition, offset + 1);
        if (notice != null) {
            send(notice.event(), position.encode(), notice.data());
        }
    }

    /**
     * Every record below {@code read} that tells this department something was queued before this heartbeat, so once
     * the heartbeat's turn comes the client stands at least there: its id moves the client's {@code Last-Event-ID}.
     */
    void heartbeat(Positions read) {
        enqueue(() -> {
            position = position.max(read);
            sendHeartbeat(position.encode());
        });
    }

    /** Queued work that reads past records from Kafka and delivers them (see {@link DepartmentStreams}). */
    void catchUp(Delivery readAndDeliver, Positions upTo) {
        enqueue(() -> {
            readAndDeliver.run();
            position = position.max(upTo);
        });
    }
}
