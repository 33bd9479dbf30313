package com.kefu.membership.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.membership.Members;
import com.kefu.membership.api.MembershipTopics;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.PersonalDataSweep;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import com.kefu.platform.test.Topics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S5 over the whole of membership-service: a member's name and phone, first and as changed, with distinctive values,
 * read by every GET endpoint as every role with the id of every kind of record (a member, a campaign, a service
 * request) and the card number in every path: in clear only from the member's contact read (S1, S2), and no endpoint
 * serves two kinds of record; never on membership.events or in the logs (at DEBUG).
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.com.kefu=DEBUG", "logging.level.org.axonframework=DEBUG"})
class S5PersonalDataSweepTest extends ServiceTest {

    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");

    @Autowired
    private ApplicationContext context;

    @Autowired
    private MutableClock clock;

    private JsonNode call(String method, String path, Object body) {
        var answer = api().method(HttpMethod.valueOf(method)).uri(path)
                .header(HttpHeaders.AUTHORIZATION, AFTER_SALES).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + " " + answer.getBody()).isTrue();
        return answer.getBody();
    }

    @Test
    @DisplayName("S5 PD1 PD2 PD3 S1 S2 every GET of membership-service as every role with every kind of record's id: a member's "
            + "name and phone in clear only from the contact read, each endpoint serves its own kind of record only; "
            + "never on membership.events or in a log line")
    void personalDataInClearOnlyFromTheContactRead(CapturedOutput logs) {
        String name = "Мария Соколова " + UUID.randomUUID().toString().substring(0, 4);
        String phone = Members.newPhone();
        String newName = "欧阳娜娜 " + UUID.randomUUID().toString().substring(0, 4);
        String newPhone = Members.newPhone();

        Map<String, Object> registration = Members.gold(name);
        registration.put("phone", phone);
        JsonNode member = call("POST", "/api/members", registration);
        String id = member.path("id").asText();
        // the old name and phone stay in the history: both must be masked there
        call("PATCH", "/api/members/" + id, Map.of("name", newName, "phone", newPhone));
        String campaign = call("POST", "/api/campaigns", Map.of("name", "圣诞节", "item", "纪念杯", "stock", 5,
                "perMemberLimit", 1)).path("id").asText();
        call("POST", "/api/campaigns/" + campaign + "/handouts", Map.of("memberId", id));
        String request = call("POST", "/api/service-requests", Map.of("memberId", id, "kind", "STORAGE",
                "details", "两个购物袋 / две сумки")).path("id").asText();
        LocalDate today = LocalDate.now(clock.withZone(MutableClock.MALL));

        int requests = PersonalDataSweep.of(context, port)
                .personal(name, Masking.name(name))
                .personal(phone, Masking.phone(phone))
                .personal(newName, Masking.name(newName))
                .personal(newPhone, Masking.phone(newPhone))
                .record("Member", id).record("Campaign", campaign).record("ServiceRequest", request)
                .pathValues(member.path("cardNumber").asText(), "GOLD")
                .contactRead("GET /api/members/{id}/contact")
                .at(clock.instant().plusSeconds(60), today)
                .assertNoClearValueOutsideContactReads();
        assertThat(requests).isGreaterThan(100);

        Topics.awaitRecord(MembershipTopics.EVENTS, id);
        PersonalDataSweep sweep = PersonalDataSweep.of(context, port).personal(name, "").personal(phone, "")
                .personal(newName, "").personal(newPhone, "");
        sweep.assertNotOnTopic(MembershipTopics.EVENTS);
        assertThat(logs.getAll()).contains("DEBUG").contains("o.a.");
        sweep.assertNotIn("membership-service's log", logs.getAll());
    }
}
