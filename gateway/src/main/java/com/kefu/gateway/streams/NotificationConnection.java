package com.kefu.gateway.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.gateway.notifications.BrowserNotifications.BrowserNotification;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * One user's notification stream (see {@link NotificationStreams}): the rows of the user's audiences, a department's
 * complaint only of the user's own department for a DEPARTMENT user, each event once (a user of two audiences, a row
 * read live and again by a catch-up). Its id is the highest row id the client stands at.
 */
final class NotificationConnection extends SseConnection {

    static final String SUBSCRIBED = "subscribed";
    static final String NOTIFICATION = "notification";
    private static final int REMEMBERED = 1_000;

    private final Set<String> recipients;
    private final String department;
    private final ObjectMapper json;
    /** Touched only by deliveries (which run one after the other) once the first event is sent. */
    private volatile long position;
    private final Set<UUID> sent = new LinkedHashSet<>();

    NotificationConnection(Set<String> recipients, String department, long start, SseEmitter emitter,
                           ObjectMapper json, Executor senders, int maxPending) {
        super(emitter, json, senders, maxPending);
        this.recipients = Set.copyOf(recipients);
        this.department = department;
        this.json = json;
        this.position = start;
    }

    /** Whether the row is the user's: written for one of their audiences, and of their department if they have one. */
    boolean mayRead(BrowserNotification row) {
        return recipients.contains(row.recipient())
                && (department == null || row.department() == null || department.equals(row.department()));
    }

    /** The stream's first event, on the request thread (see {@link #sendFirst}). */
    void subscribed(boolean resumed) {
        sendFirst(SUBSCRIBED, Long.toString(position), Map.of("resumed", resumed));
    }

    void live(BrowserNotification row) {
        enqueue(() -> deliver(row));
    }

    /** Queued work that reads the rows the client missed and delivers those it may read. */
    void catchUp(Supplier<List<BrowserNotification>> missed, long upTo) {
        enqueue(() -> {
            for (BrowserNotification row : missed.get()) {
                if (mayRead(row)) {
                    deliver(row);
                }
            }
            position = Math.max(position, upTo);
        });
    }

    /** Every row up to {@code read} was handed to this connection before the heartbeat: the client stands there. */
    void heartbeat(long read) {
        enqueue(() -> {
            position = Math.max(position, read);
            sendHeartbeat(Long.toString(position));
        });
    }

    private void deliver(BrowserNotification row) throws IOException {
        position = Math.max(position, row.id());
        if (!sent.add(row.eventId())) {
            return;
        }
        if (sent.size() > REMEMBERED) {
            Iterator<UUID> oldest = sent.iterator();
            oldest.next();
            oldest.remove();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", row.id());
        data.put("eventId", row.eventId());
        data.put("kind", row.kind());
        data.put("facts", row.facts() == null ? null : json.readTree(row.facts()));
        data.put("page", row.page());
        if (row.facts() == null) {
            data.put("subject", row.subject());
        }
        data.put("createdAt", row.createdAt());
        send(NOTIFICATION, Long.toString(position), data);
    }
}
