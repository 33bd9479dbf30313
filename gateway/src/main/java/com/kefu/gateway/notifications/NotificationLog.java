package com.kefu.gateway.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.gateway.accounts.EmailAddress;
import com.kefu.platform.rules.InvalidRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The record of every notification (table {@code notification}): one row per event, channel and recipient, written
 * once however often the event is read (its unique key); an e-mail's row goes from {@code pending} to {@code sent}, or
 * to {@code failed} once its attempts are used up. What the auditors read at {@code GET /api/notifications}.
 */
@Component
class NotificationLog implements BrowserNotifications {

    static final String PENDING = "pending";
    static final String SENT = "sent";
    static final String FAILED = "failed";
    static final String EMAIL = "email";
    static final String BROWSER = "browser";
    static final List<String> STATUSES = List.of(PENDING, SENT, FAILED);
    static final int MAX_SIZE = 200;
    private static final int MAX_ERROR = 500;

    /** A notification as the record shows it: an e-mail's recipient masked. */
    record NotificationEntry(long id, UUID eventId, String eventType, String kind, String channel, String recipient,
                 String status, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt,
                 Instant sentAt, Instant updatedAt) {
    }

    record NotificationPage(List<NotificationEntry> items, int page, int size, long total) {
    }

    /** An e-mail claimed for sending. */
    record Mail(long id, String recipient, String subject, String body, int attempts) {
    }

    private static final RowMapper<NotificationEntry> ENTRY = (row, n) -> {
        String channel = row.getString("channel");
        String recipient = row.getString("recipient");
        return new NotificationEntry(row.getLong("id"), row.getObject("event_id", UUID.class),
                row.getString("event_type"), row.getString("kind"), channel,
                EMAIL.equals(channel) ? EmailAddress.masked(recipient) : recipient,
                row.getString("status"), row.getInt("attempts"), row.getString("last_error"),
                instant(row.getTimestamp("created_at")), instant(row.getTimestamp("next_attempt_at")),
                instant(row.getTimestamp("sent_at")), instant(row.getTimestamp("updated_at")));
    };

    private static final RowMapper<BrowserNotification> BROWSER_ROW = (row, n) -> new BrowserNotification(
            row.getLong("id"), row.getObject("event_id", UUID.class), row.getString("kind"), row.getString("recipient"),
            row.getString("department"), row.getString("facts"), row.getString("page"), row.getString("subject"),
            instant(row.getTimestamp("created_at")));
    private static final String BROWSER_COLUMNS = "select id, event_id, kind, recipient, department, facts, page, "
            + "subject, created_at from notification where channel = 'browser' ";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    NotificationLog(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Writes the row unless the event already has it for that channel and recipient; answers whether it did. */
    boolean add(Occurrence occurrence, String channel, String recipient, MailText.Text text, String status,
                Instant now) {
        Timestamp at = Timestamp.from(now);
        String facts;
        try {
            facts = json.writeValueAsString(occurrence.facts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification's facts cannot be written", e);
        }
        return jdbc.update("insert into notification (event_id, event_type, kind, channel, recipient, subject, body, "
                + "status, created_at, next_attempt_at, sent_at, updated_at, department, facts, page) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict on constraint notification_once do nothing", occurrence.eventId(),
                occurrence.eventType(), occurrence.kind().id(), channel, recipient, text.subject(), text.body(), status,
                at, at, SENT.equals(status) ? at : null, at,
                occurrence.kind().ofADepartment() ? occurrence.department() : null, facts, occurrence.page()) == 1;
    }

    @Override
    public List<BrowserNotification> browserAfter(long afterId, int limit) {
        return jdbc.query(BROWSER_COLUMNS + "and id > ? order by id limit ?", BROWSER_ROW, afterId, limit);
    }

    @Override
    public List<BrowserNotification> browserAfter(long afterId, long upTo, Collection<String> recipients, int limit) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        List<Object> arguments = new ArrayList<>(List.of(afterId, upTo));
        arguments.addAll(recipients);
        arguments.add(limit);
        return jdbc.query(BROWSER_COLUMNS + "and id > ? and id <= ? and recipient in ("
                + String.join(", ", Collections.nCopies(recipients.size(), "?")) + ") order by id limit ?",
                BROWSER_ROW, arguments.toArray());
    }

    @Override
    public long lastId() {
        Long last = jdbc.queryForObject("select max(id) from notification where channel = 'browser'", Long.class);
        return last == null ? 0 : last;
    }

    /**
     * The next e-mail due, locked for this transaction; one that another instance is sending is skipped
     * ({@code FOR UPDATE SKIP LOCKED}), so two instances never send the same one.
     */
    Optional<Mail> claimDue(Instant now) {
        return jdbc.query("select id, recipient, subject, body, attempts from notification where status = 'pending' "
                + "and channel = 'email' and next_attempt_at <= ? order by next_attempt_at, id limit 1 "
                + "for update skip locked", (row, n) -> new Mail(row.getLong(1), row.getString(2), row.getString(3),
                row.getString(4), row.getInt(5)), Timestamp.from(now)).stream().findFirst();
    }

    void sent(Mail mail, Instant now) {
        jdbc.update("update notification set status = 'sent', attempts = attempts + 1, sent_at = ?, updated_at = ? "
                + "where id = ?", Timestamp.from(now), Timestamp.from(now), mail.id());
    }

    /** A failed attempt: tried again at {@code next}, or {@code failed} when {@code next} is null. */
    void attemptFailed(Mail mail, String error, Instant now, Instant next) {
        String shown = error == null ? "unknown"
                : error.replace(mail.recipient(), EmailAddress.masked(mail.recipient()));
        if (shown.length() > MAX_ERROR) {
            shown = shown.substring(0, MAX_ERROR);
        }
        jdbc.update("update notification set status = ?, attempts = attempts + 1, last_error = ?, "
                + "next_attempt_at = ?, updated_at = ? where id = ?", next == null ? FAILED : PENDING, shown,
                Timestamp.from(next == null ? now : next), Timestamp.from(now), mail.id());
    }

    /** Newest first, filtered by status and kind; 400 naming {@code status}, {@code kind}, {@code page}, {@code size}.
     */
    NotificationPage page(String status, String kind, int page, int size) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidRequest("status: one of " + STATUSES);
        }
        if (kind != null && NotificationKind.of(kind).isEmpty()) {
            throw new InvalidRequest("kind: one of " + NotificationKind.IDS);
        }
        if (page < 0) {
            throw new InvalidRequest("page: 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequest("size: 1 to " + MAX_SIZE);
        }
        StringBuilder where = new StringBuilder(" where true");
        List<Object> arguments = new ArrayList<>();
        if (status != null) {
            where.append(" and status = ?");
            arguments.add(status);
        }
        if (kind != null) {
            where.append(" and kind = ?");
            arguments.add(kind);
        }
        Long total = jdbc.queryForObject("select count(*) from notification" + where, Long.class, arguments.toArray());
        List<Object> paged = new ArrayList<>(arguments);
        paged.add(size);
        paged.add((long) page * size);
        List<NotificationEntry> items = jdbc.query("select * from notification" + where
                + " order by created_at desc, id desc limit ? offset ?", ENTRY, paged.toArray());
        return new NotificationPage(items, page, size, total == null ? 0 : total);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
