package com.kefu.audit.trail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.platform.contracts.EventEnvelope;
import com.kefu.platform.query.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The auditors' trail (A2): every event of every topic as it was published, and what each is about. An event's
 * subjects are its aggregate, every record it names by id (a field named {@code …Id}: {@code complaintId},
 * {@code memberId}, {@code shiftId} …) and every shop it names ({@code shopNo}), wherever they sit in its data.
 */
@Component
public class Trail {

    private static final String AGGREGATE = "aggregate";
    private static final String SHOP = "shopNo";
    private static final int EXPORT_FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    Trail(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One event of the trail, as it was published on its topic. */
    public record Entry(UUID id, String topic, String type, int version, String aggregateId, long sequence,
                        Instant occurredAt, String actor, String department, JsonNode data) {
    }

    /** The filters of the trail; a filter given {@code null} is left out. {@code to} is exclusive. */
    public record Filter(String actor, String subject, String type, Instant from, Instant to) {
    }

    /**
     * Adds events read from their topics, each row sent in one batch per table; the caller makes each happen once
     * (ProcessedEvents).
     */
    void record(List<EventEnvelope> events, Function<EventEnvelope, String> topicOf) {
        List<Object[]> rows = new ArrayList<>(events.size());
        List<Object[]> subjectRows = new ArrayList<>();
        for (EventEnvelope event : events) {
            rows.add(new Object[]{event.id(), topicOf.apply(event), event.type(), event.version(), event.aggregateId(),
                    event.sequence(), Timestamp.from(event.occurredAt()), event.occurredAt().toString(), event.actor(),
                    event.department(), event.data() == null ? "null" : event.data().toString()});
            Map<String, String> subjects = new LinkedHashMap<>();
            if (event.aggregateId() != null) {
                subjects.put(event.aggregateId(), AGGREGATE);
            }
            collect(event.data(), subjects);
            subjects.forEach((subject, kind) -> subjectRows.add(new Object[]{event.id(), subject, kind}));
        }
        jdbc.batchUpdate("""
                insert into trail_event (event_id, topic, type, version, aggregate_id, sequence, occurred_at,
                                         published_at, actor, department, data)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", rows);
        jdbc.batchUpdate("insert into trail_subject (event_id, subject, kind) values (?, ?, ?) on conflict do nothing",
                subjectRows);
    }

    private static void collect(JsonNode node, Map<String, String> subjects) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> collect(element, subjects));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            String name = field.getKey();
            if (value.isTextual() && !value.asText().isBlank() && value.asText().length() <= 255
                    && (name.equals(SHOP) || name.endsWith("Id"))) {
                subjects.putIfAbsent(value.asText(), name);
            } else if (value.isContainerNode()) {
                collect(value, subjects);
            }
        }
    }

    /** A page of the trail in time order (then by event id). */
    public Page<Entry> find(Filter filter, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        Long total = jdbc.queryForObject("select count(*)" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Entry> items = jdbc.query("select e.*" + where + " order by e.occurred_at, e.event_id limit ? offset ?",
                (row, n) -> entry(row), pageArgs.toArray());
        return new Page<>(items, page, size, total == null ? 0 : total);
    }

    /** What takes the events of an export one by one. */
    @FunctionalInterface
    public interface EntryConsumer {
        void accept(Entry entry) throws IOException;
    }

    /**
     * Every event the filter selects, in the trail's time order, handed over one by one as the database's cursor reads
     * them ({@code fetchSize} rows at a time), so that an export of any length passes in constant memory; one query,
     * so one snapshot of the trail. Returns how many there were.
     */
    @Transactional(readOnly = true)
    public long each(Filter filter, EntryConsumer consumer) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        long[] count = {0};
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "select e.*" + where + " order by e.occurred_at, e.event_id");
            statement.setFetchSize(EXPORT_FETCH_SIZE);
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            return statement;
        }, (RowCallbackHandler) row -> {
            try {
                consumer.accept(entry(row));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count[0]++;
        });
        return count[0];
    }

    private static String where(Filter filter, List<Object> args) {
        StringBuilder sql = new StringBuilder(" from trail_event e where true");
        if (filter.subject() != null) {
            sql.append(" and exists (select 1 from trail_subject s where s.event_id = e.event_id and s.subject = ?)");
            args.add(filter.subject());
        }
        if (filter.actor() != null) {
            sql.append(" and e.actor = ?");
            args.add(filter.actor());
        }
        if (filter.type() != null) {
            sql.append(" and e.type = ?");
            args.add(filter.type());
        }
        if (filter.from() != null) {
            sql.append(" and e.occurred_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and e.occurred_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        return sql.toString();
    }

    private Entry entry(java.sql.ResultSet row) throws java.sql.SQLException {
        JsonNode data;
        try {
            data = json.readTree(row.getString("data"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the trail holds data that is not JSON: event " + row.getString("event_id"), e);
        }
        return new Entry(row.getObject("event_id", UUID.class), row.getString("topic"), row.getString("type"),
                row.getInt("version"), row.getString("aggregate_id"), row.getLong("sequence"),
                Instant.parse(row.getString("published_at")), row.getString("actor"), row.getString("department"),
                data);
    }

    /** Empties the trail and forgets which events it took, so that reading the topics again rebuilds it. */
    @Transactional
    public void wipe(String consumer) {
        jdbc.update("delete from trail_subject");
        jdbc.update("delete from trail_event");
        jdbc.update("delete from processed_event where consumer = ?", consumer);
    }
}
