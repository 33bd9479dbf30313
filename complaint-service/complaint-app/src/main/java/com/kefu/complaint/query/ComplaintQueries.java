package com.kefu.complaint.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.Dispute;
import com.kefu.complaint.api.Merchant;
import com.kefu.complaint.api.Party;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.query.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads of the complaint read model. */
@Component
public class ComplaintQueries {

    private static final RowMapper<ComplaintView> VIEW = (rs, row) -> new ComplaintView(
            rs.getString("id"),
            rs.getString("number"),
            rs.getString("status"),
            Channel.valueOf(rs.getString("channel")),
            Category.valueOf(rs.getString("category")),
            Severity.valueOf(rs.getString("severity")),
            Priority.valueOf(rs.getString("priority")),
            new CustomerReference(Masking.name(rs.getString("customer_name")), rs.getString("customer_masked_phone"),
                    rs.getString("member_id")),
            rs.getString("merchant_shop_no") == null ? null
                    : new Merchant(rs.getString("merchant_shop_no"), rs.getString("merchant_name")),
            rs.getString("subject"),
            rs.getString("description"),
            rs.getString("department"),
            rs.getString("instructions"),
            rs.getBoolean("acknowledged"),
            rs.getString("result"),
            (Integer) rs.getObject("satisfaction"),
            rs.getInt("follow_up_calls"),
            rs.getString("dispute_complainant") == null ? null : new Dispute(
                    Party.valueOf(rs.getString("dispute_complainant")), Party.valueOf(rs.getString("dispute_respondent"))),
            rs.getString("ruling"),
            rs.getString("received_by"),
            rs.getTimestamp("received_at").toInstant(),
            supervision(rs),
            instant(rs.getTimestamp("deadline_due_at")));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    ComplaintQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Supervision supervision(ResultSet rs) throws SQLException {
        Timestamp escalatedAt = rs.getTimestamp("escalated_at");
        if (escalatedAt == null) {
            return null;
        }
        Timestamp acknowledgedAt = rs.getTimestamp("supervisor_acknowledged_at");
        List<Supervision.Instruction> instructions = new ArrayList<>();
        try {
            for (JsonNode given : JSON.readTree(rs.getString("supervisor_instructions"))) {
                instructions.add(new Supervision.Instruction(given.path("text").asText(),
                        given.path("givenBy").asText(), Instant.parse(given.path("givenAt").asText())));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("complaint_view.supervisor_instructions is not a JSON array", e);
        }
        return new Supervision(escalatedAt.toInstant(), rs.getString("supervisor_acknowledged_by"),
                acknowledgedAt == null ? null : acknowledgedAt.toInstant(), instructions);
    }

    /**
     * The supervisor's inbox (C14): the escalated MAJOR complaints not archived, those not yet acknowledged first,
     * each group oldest escalation first.
     */
    public List<ComplaintView> escalations(int limit) {
        return jdbc.query("""
                select * from complaint_view where escalated_at is not null and severity = 'MAJOR'
                    and status <> 'ARCHIVED'
                order by supervisor_acknowledged_at is not null, escalated_at, id limit ?""", VIEW, limit);
    }

    /** A page of complaints in the order asked for; every filter is optional. */
    public Page<ComplaintView> list(Filter filter, Order order, int page, int size) {
        return new Page.Where().equal("status", filter.status()).equal("department", filter.department())
                .from("received_at", filter.from()).before("received_at", filter.to())
                .page(jdbc, "complaint_view", order.sql, VIEW, page, size);
    }

    /** The orders of the list: newest first, or the current stage due soonest first and the archived ones last. */
    public enum Order {
        RECEIVED_AT("received_at desc, id"),
        DUE_AT("deadline_due_at nulls last, id");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    /** @param from inclusive, @param to exclusive; instants of {@code received_at} */
    public record Filter(String status, String department, Instant from, Instant to) {
    }

    public Optional<ComplaintView> find(String id) {
        return jdbc.query("select * from complaint_view where id = ?", VIEW, id).stream().findFirst();
    }
}
