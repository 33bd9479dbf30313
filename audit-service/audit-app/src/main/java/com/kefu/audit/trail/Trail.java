package com.kefu.audit.trail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.platform.contracts.EventEnvelope;
import com.kefu.platform.query.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The auditors' trail (A2): every event of every topic as it was published, and what each is about. An event's
 * subjects are its aggregate, every record it names by id (a field named {@code …Id}: {@code complaintId},
 * {@code memberId}, {@code shiftId} …) and every shop it names ({@code shopNo}), wherever they sit in its data.
 */
@Component
public class Trail {

    private static final String AGGREGATE = "aggregate";
    private static final String SHOP = "shopNo";

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

    /** Adds an event read from {@code topic}; the caller makes it happen once (ProcessedEvents). */
    void record(String topic, EventEnvelope event) {
        jdbc.update("""
                insert into trail_event (event_id, topic, type, version, aggregate_id, sequence, occurred_at,
                                         published_at, actor, department, data)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.id(), topic, event.type(), event.version(), event.aggregateId(), event.sequence(),
                Timestamp.from(event.occurredAt()), event.occurredAt().toString(), event.actor(), event.department(),
                event.data() == null ? "null" : event.data().toString());
        Map<String, String> subjects = new LinkedHashMap<>();
        if (event.aggregateId() != null) {
            subjects.put(event.aggregateId(), AGGREGATE);
        }
        collect(event.data(), subjects);
        subjects.forEach((subject, kind) -> jdbc.update(
                "insert into trail_subject (event_id, subject, kind) values (?, ?, ?) on conflict do nothing",
                event.id(), subject, kind));
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
        StringBuilder sql = new StringBuilder(" from trail_event e where true");
        List<Object> args = new ArrayList<>();
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
        Long total = jdbc.queryForObject("select count(*)" + sql, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Entry> items = jdbc.query("select e.*" + sql + " order by e.occurred_at, e.event_id limit ? offset ?",
                (row, n) -> entry(row), pageArgs.toArray());
        return new Page<>(items, page, size, total == null ? 0 : total);
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
