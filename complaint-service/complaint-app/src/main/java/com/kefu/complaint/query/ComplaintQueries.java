package com.kefu.complaint.query;

import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.Dispute;
import com.kefu.complaint.api.Merchant;
import com.kefu.complaint.api.Party;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

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
            new CustomerReference(rs.getString("customer_name"), rs.getString("customer_masked_phone"),
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
            rs.getTimestamp("received_at").toInstant());

    private final JdbcTemplate jdbc;

    ComplaintQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of complaints, newest first; every filter is optional. */
    public Page list(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (filter.status() != null) {
            where.append(" and status = ?");
            args.add(filter.status());
        }
        if (filter.department() != null) {
            where.append(" and department = ?");
            args.add(filter.department());
        }
        if (filter.from() != null) {
            where.append(" and received_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and received_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        Long total = jdbc.queryForObject("select count(*) from complaint_view" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<ComplaintView> items = jdbc.query("select * from complaint_view" + where
                + " order by received_at desc, id limit ? offset ?", VIEW, pageArgs.toArray());
        return new Page(items, page, size, total == null ? 0 : total);
    }

    /** @param from inclusive, @param to exclusive; instants of {@code received_at} */
    public record Filter(String status, String department, Instant from, Instant to) {
    }

    public record Page(List<ComplaintView> items, int page, int size, long total) {
    }

    public Optional<ComplaintView> find(String id) {
        return jdbc.query("select * from complaint_view where id = ?", VIEW, id).stream().findFirst();
    }
}
