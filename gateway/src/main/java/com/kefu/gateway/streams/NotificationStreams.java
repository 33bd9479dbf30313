package com.kefu.gateway.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.gateway.notifications.BrowserNotifications;
import com.kefu.gateway.notifications.BrowserNotifications.BrowserNotification;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The per-user notification streams of one gateway instance ({@code GET /api/streams/notifications}): what the
 * signed-in user's browser is to show as a notification (README "Notifications"). Their source is the record the
 * notifications' one consumer writes: its {@code browser} rows, one per event and audience subscribed in the browser.
 * Whichever instance's consumer wrote a row, every instance reads the rows it has not seen ({@link #poll}, every
 * {@code kefu.streams.notification-poll}) and hands each to its connections whose user the row's audience covers
 * ({@link NotificationConnection#mayRead}). A row's id is its event's id on the stream: sent back as
 * {@code Last-Event-ID}, the client gets the rows for it after that one from the database, on any instance.
 * <p>
 * Row ids come from a sequence and a transaction that took an id may commit after one that took a later id: each poll
 * reads again the last {@value #LOOKBACK} ids before the highest one seen and sends what it had not seen among them.
 */
final class NotificationStreams {

    static final int LOOKBACK = 200;
    private static final int BATCH = 500;
    private static final int CATCH_UP = 100;
    private static final int SEEN = 5_000;

    private final BrowserNotifications rows;
    private final StreamsProperties properties;
    private final ObjectMapper json;
    private final Executor senders;
    private final Set<NotificationConnection> connections = ConcurrentHashMap.newKeySet();
    /** Guards {@link #highest} and {@link #seen} together with handing rows to the connections. */
    private final Object lock = new Object();
    /** The highest row id read; -1 until the first read. */
    private long highest = -1;
    private final Set<Long> seen = new LinkedHashSet<>();

    NotificationStreams(BrowserNotifications rows, StreamsProperties properties, ObjectMapper json,
                        Executor senders) {
        this.rows = rows;
        this.properties = properties;
        this.json = json;
        this.senders = senders;
    }

    /** Reads the rows not yet seen and hands each to the connections whose user may read it. */
    void poll() {
        while (true) {
            long from;
            synchronized (lock) {
                if (highest < 0) {
                    start();
                    return;
                }
                from = Math.max(0, highest - LOOKBACK);
            }
            List<BrowserNotification> found = rows.browserAfter(from, BATCH);
            synchronized (lock) {
                for (BrowserNotification row : found) {
                    highest = Math.max(highest, row.id());
                    if (!see(row.id())) {
                        continue;
                    }
                    for (NotificationConnection connection : connections) {
                        if (connection.mayRead(row)) {
                            connection.live(row);
                        }
                    }
                }
            }
            if (found.size() < BATCH) {
                return;
            }
        }
    }

    /** The first read: what is there already is the past, not for live delivery (a new stream starts from now). */
    private void start() {
        long last = rows.lastId();
        rows.browserAfter(Math.max(0, last - LOOKBACK), BATCH).forEach(row -> see(row.id()));
        highest = last;
    }

    /** Answers whether the row was new. */
    private boolean see(long id) {
        if (!seen.add(id)) {
            return false;
        }
        if (seen.size() > SEEN) {
            Iterator<Long> oldest = seen.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /**
     * A new stream for a user who reads the rows of {@code recipients} ({@code role:SUPERVISOR}, …), of
     * {@code department} only among those of a department (null: any department's), from after row
     * {@code resume} (a {@code Last-Event-ID}) or else from now.
     */
    SseEmitter open(Set<String> recipients, String department, Long resume) {
        SseEmitter emitter = new SseEmitter(properties.maxConnection().toMillis());
        synchronized (lock) {
            if (highest < 0) {
                start();
            }
            long upTo = highest;
            NotificationConnection connection = new NotificationConnection(recipients, department,
                    resume == null ? upTo : resume, emitter, json, senders, properties.maxPending());
            connection.onClose(() -> connections.remove(connection));
            connections.add(connection);
            connection.subscribed(resume != null);
            if (resume != null && resume < upTo) {
                connection.catchUp(() -> rows.browserAfter(resume, upTo, recipients, CATCH_UP), upTo);
            }
        }
        return emitter;
    }

    void heartbeat() {
        synchronized (lock) {
            long read = highest;
            connections.forEach(connection -> connection.heartbeat(read));
        }
    }

    void closeAll() {
        List.copyOf(connections).forEach(SseConnection::close);
    }

    /** The streams open now ({@code kefu.streams.connections}). */
    int openConnections() {
        return connections.size();
    }
}
