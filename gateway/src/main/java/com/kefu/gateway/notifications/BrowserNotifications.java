package com.kefu.gateway.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The recorded browser notifications (the {@code browser} rows of {@code notification}, written by the one consumer of
 * the notifications), as the per-user notification stream reads them: its source, so that a client that reconnects
 * with {@code Last-Event-ID} (a row's id) gets what it missed.
 */
public interface BrowserNotifications {

    /**
     * One browser notification: {@code recipient} the audience it was written for ({@code department:security},
     * {@code role:SUPERVISOR}); {@code department} the complaint's department for a kind of one department, else
     * null; {@code facts} a JSON object by the labels' keys (null for a row older than the stream, which has its
     * {@code subject} only).
     */
    record BrowserNotification(long id, UUID eventId, String kind, String recipient, String department, String facts,
                               String page, String subject, Instant createdAt) {
    }

    /** The rows after {@code afterId}, oldest first, at most {@code limit}. */
    List<BrowserNotification> browserAfter(long afterId, int limit);

    /**
     * The rows in {@code (afterId, upTo]} written for one of {@code recipients}, oldest first, at most {@code limit}.
     */
    List<BrowserNotification> browserAfter(long afterId, long upTo, Collection<String> recipients, int limit);

    /** The newest row's id, 0 when there is none. */
    long lastId();
}
