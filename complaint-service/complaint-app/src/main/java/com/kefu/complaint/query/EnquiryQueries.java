package com.kefu.complaint.query;

import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.EnquiryStage;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.query.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Reads of the enquiry list (C12). */
@Component
public class EnquiryQueries {

    public record EnquiryView(String id, String number, String status, Channel channel, EnquiryStage stage,
                              CustomerReference customer, String question, String answer, String receivedBy,
                              Instant receivedAt, String answeredBy, Instant answeredAt, Instant archivedAt) {
    }

    /** @param from inclusive, @param to exclusive; instants of {@code received_at} */
    public record Filter(String status, String stage, Instant from, Instant to) {
    }

    private static final RowMapper<EnquiryView> VIEW = (rs, row) -> new EnquiryView(
            rs.getString("id"), rs.getString("number"), rs.getString("status"), Channel.valueOf(rs.getString("channel")),
            EnquiryStage.valueOf(rs.getString("stage")),
            new CustomerReference(Masking.name(rs.getString("customer_name")), rs.getString("customer_masked_phone"), null),
            rs.getString("question"), rs.getString("answer"), rs.getString("received_by"),
            rs.getTimestamp("received_at").toInstant(), rs.getString("answered_by"),
            instant(rs.getTimestamp("answered_at")), instant(rs.getTimestamp("archived_at")));

    private final JdbcTemplate jdbc;

    EnquiryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A page of enquiries, newest first; every filter is optional. */
    public Page<EnquiryView> list(Filter filter, int page, int size) {
        return new Page.Where().equal("status", filter.status()).equal("stage", filter.stage())
                .from("received_at", filter.from()).before("received_at", filter.to())
                .page(jdbc, "enquiry_view", "received_at desc, id", VIEW, page, size);
    }

    public Optional<EnquiryView> find(String id) {
        return jdbc.query("select * from enquiry_view where id = ?", VIEW, id).stream().findFirst();
    }
}
