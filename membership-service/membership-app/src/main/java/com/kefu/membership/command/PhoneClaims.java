package com.kefu.membership.command;

import com.kefu.platform.rules.RuleViolation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One active membership per phone number (M1). The claim is taken in the same transaction as the member's events,
 * so two desks registering the same phone at once cannot both succeed; a cancelled membership frees its phone.
 * The table is the command side's own and never read by anything else.
 */
@Component
class PhoneClaims {

    private final JdbcTemplate jdbc;

    PhoneClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The phone as its digits, with the leading + of an international number: "138 1234-5678" is 13812345678. */
    static String normalized(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        return phone.strip().startsWith("+") ? "+" + digits : digits;
    }

    void claim(String phone, String memberId) {
        int claimed = jdbc.update("""
                insert into member_phone_claim (phone, member_id) values (?, ?)
                on conflict (phone) do update set member_id = excluded.member_id
                where member_phone_claim.member_id = excluded.member_id""", normalized(phone), memberId);
        if (claimed == 0) {
            throw new RuleViolation("phone-in-use",
                    "an active member already has this phone number: find that membership instead (M1)");
        }
    }

    void releaseAll(String memberId) {
        jdbc.update("delete from member_phone_claim where member_id = ?", memberId);
    }

    void releaseOthers(String memberId, String keptPhone) {
        jdbc.update("delete from member_phone_claim where member_id = ? and phone <> ?", memberId,
                normalized(keptPhone));
    }
}
