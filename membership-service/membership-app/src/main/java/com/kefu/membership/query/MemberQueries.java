package com.kefu.membership.query;

import com.kefu.membership.api.Tier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Reads of the member read model. */
@Component
public class MemberQueries {

    private static final RowMapper<MemberView> VIEW = (rs, row) -> new MemberView(
            rs.getString("id"),
            rs.getString("card_number"),
            rs.getString("name"),
            rs.getString("masked_phone"),
            Tier.valueOf(rs.getString("tier")),
            rs.getString("status"),
            rs.getString("registered_by"),
            rs.getTimestamp("registered_at").toInstant());

    private final JdbcTemplate jdbc;

    MemberQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MemberView> find(String id) {
        return jdbc.query("select * from member_view where id = ?", VIEW, id).stream().findFirst();
    }
}
