package com.kefu.complaint.command;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whether a member is VIP, as far as complaint-service has heard from membership.events (C4). */
@Component
public class MemberTiers {

    private final JdbcTemplate jdbc;

    MemberTiers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isVip(String memberId) {
        return memberId != null && !jdbc.queryForList(
                "select 1 from member_tier where member_id = ? and tier = 'VIP'", Integer.class, memberId).isEmpty();
    }
}
