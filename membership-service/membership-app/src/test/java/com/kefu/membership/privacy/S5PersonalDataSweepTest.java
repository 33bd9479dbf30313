package com.kefu.membership.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.membership.Members;
import com.kefu.membership.api.MembershipTopics;
import com.kefu.platform.test.PersonalDataSweepTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.kefu.platform.test.PersonalDataSweep.distinct;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * S5 over the whole of membership-service: a member's name and phone, first and as changed, with distinctive values,
 * read by every GET endpoint as every role with the id of every kind of record (a member, a campaign, a service
 * request) and the card number in every path: in clear only from the member's contact read (S1, S2), and no endpoint
 * serves two kinds of record; never on membership.events or in the logs (at DEBUG).
 */
class S5PersonalDataSweepTest extends PersonalDataSweepTest {

    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");

    @Test
    @DisplayName("S5 PD1 PD2 PD3 S1 S2 every GET of membership-service as every role with every kind of record's id: a member's "
            + "name and phone in clear only from the contact read, each endpoint serves its own kind of record only; "
            + "never on membership.events or in a log line")
    void personalDataInClearOnlyFromTheContactRead() {
        String name = distinct("Мария Соколова");
        String phone = Members.newPhone();
        String newName = distinct("欧阳娜娜");
        String newPhone = Members.newPhone();

        Map<String, Object> registration = Members.gold(name);
        registration.put("phone", phone);
        JsonNode member = seed(AFTER_SALES, "POST", "/api/members", registration);
        String id = member.path("id").asText();
        // the old name and phone stay in the history: both must be masked there
        seed(AFTER_SALES, "PATCH", "/api/members/" + id, Map.of("name", newName, "phone", newPhone));
        String campaign = post(AFTER_SALES, "/api/campaigns", Map.of("name", "圣诞节", "item", "纪念杯", "stock", 5,
                "perMemberLimit", 1));
        post(AFTER_SALES, "/api/campaigns/" + campaign + "/handouts", Map.of("memberId", id));
        String request = post(AFTER_SALES, "/api/service-requests", Map.of("memberId", id, "kind", "STORAGE",
                "details", "两个购物袋 / две сумки"));

        int requests = sweep()
                .name(name).phone(phone)
                .name(newName).phone(newPhone)
                .record("Member", id).record("Campaign", campaign).record("ServiceRequest", request)
                .pathValues(member.path("cardNumber").asText(), "GOLD")
                .contactRead("GET /api/members/{id}/contact")
                .topic(MembershipTopics.EVENTS, id)
                .assertEverywhere();
        assertThat(requests).isGreaterThan(100);
    }
}
