package com.kefu.membership.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.membership.Members;
import com.kefu.platform.axon.AuditedRecords;
import com.kefu.platform.test.AuditedRecordsChecks;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A4 history and {@code asOf} for every record, through the platform's one mechanism ({@code RecordsAsOf}): a campaign
 * before it existed (404), mid-way and now (the live read); no schema left behind; an id of another kind is 404; a
 * member as they were shows their phone masked as the live read does; every aggregate of the service is a kind.
 */
class AuditedRecordsTest extends ServiceTest {

    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");
    private static final String ADMIN = Tokens.bearer("admin", "ADMIN");
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");
    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String RECORDS = "/api/audit/membership/records";
    /** After every event of the test: what is 404 then is 404 for its kind, not for its time. */
    private static final Instant LATER = Instant.parse("2999-01-01T00:00:00Z");

    @Autowired
    AuditedRecords records;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("A4 every aggregate of the service is a kind of auditable record, listed for auditors")
    void everyAggregateIsAKind() {
        AuditedRecordsChecks.everyAggregateIsAKind(records, "com.kefu.membership");
        JsonNode kinds = expect(call(HttpMethod.GET, AUDITOR, RECORDS, null), 200);
        assertThat(kinds.findValuesAsText("kind")).containsExactly("members", "campaigns", "service-requests");
        assertThat(kinds.get(1).get("aggregateType").asText()).isEqualTo("Campaign");
        assertThat(kinds.get(1).get("readers").toString()).contains("AUDITOR");
    }

    @Test
    @DisplayName("A4 a campaign as it was: 404 before it existed, its stock mid-way, the live read now; the resource's "
            + "own asOf and history agree; nothing is left behind")
    void campaignAsItWas() {
        String member = member("王芳");
        String campaign = expect(call(HttpMethod.POST, AFTER_SALES, "/api/campaigns", Map.of("name", "元旦",
                "item", "台历", "stock", 5, "perMemberLimit", 2)), 201).get("id").asText();
        expect(call(HttpMethod.POST, AFTER_SALES, "/api/campaigns/" + campaign + "/handouts",
                Map.of("memberId", member)), 201);
        Instant midWay = lastEvent("/api/campaigns/" + campaign + "/history");
        expect(call(HttpMethod.POST, AFTER_SALES, "/api/campaigns/" + campaign + "/handouts",
                Map.of("memberId", member)), 201);
        expect(call(HttpMethod.POST, AFTER_SALES, "/api/campaigns/" + campaign + "/stock", Map.of("quantity", 10)),
                200);
        Instant beforeIt = firstEvent("/api/campaigns/" + campaign + "/history").minusNanos(1000);
        Instant now = lastEvent("/api/campaigns/" + campaign + "/history");

        String path = RECORDS + "/campaigns/" + campaign;
        expect(call(HttpMethod.GET, AUDITOR, path + "?asOf=" + beforeIt, null), 404);
        JsonNode then = expect(call(HttpMethod.GET, AUDITOR, path + "?asOf=" + midWay, null), 200);
        assertThat(then.get("stock").asInt()).isEqualTo(4);
        assertThat(then.get("handedOut").asInt()).isEqualTo(1);
        JsonNode live = expect(call(HttpMethod.GET, AUDITOR, "/api/campaigns/" + campaign, null), 200);
        assertThat(live.get("stock").asInt()).isEqualTo(13);
        assertThat(expect(call(HttpMethod.GET, AUDITOR, path + "?asOf=" + now, null), 200))
                .isEqualTo(live);
        assertThat(expect(call(HttpMethod.GET, ADMIN, path, null), 200)).isEqualTo(live);
        // the resource answers the same through the same mechanism, for its own readers
        assertThat(expect(call(HttpMethod.GET, DESK, "/api/campaigns/" + campaign + "?asOf=" + midWay, null), 200))
                .isEqualTo(then);
        expect(call(HttpMethod.GET, DESK, "/api/campaigns/" + campaign + "?asOf=" + beforeIt, null), 404);
        JsonNode history = expect(call(HttpMethod.GET, DESK, "/api/campaigns/" + campaign + "/history", null), 200);
        assertThat(history.findValuesAsText("type")).hasSize(4);
        assertThat(expect(call(HttpMethod.GET, AUDITOR, path + "/history", null), 200)).isEqualTo(history);

        // the live view is as it was, and no copy of it stays
        assertThat(jdbc.queryForObject("select stock from campaign_view where id = ?", Integer.class, campaign))
                .isEqualTo(13);
        assertThat(jdbc.queryForObject("select count(*) from pg_namespace where nspname like 'kefu_asof_%'",
                Integer.class)).isZero();
    }

    @Test
    @DisplayName("A4 S5 an id of another kind is no record of this one (404); another service's name is 404; "
            + "AUDITOR and ADMIN only")
    void refusals() {
        String member = member("李雷");
        expect(call(HttpMethod.GET, AUDITOR, RECORDS + "/campaigns/" + member + "?asOf=" + LATER, null), 404);
        expect(call(HttpMethod.GET, AUDITOR, RECORDS + "/campaigns/" + member, null), 404);
        expect(call(HttpMethod.GET, AUDITOR, RECORDS + "/campaigns/" + member + "/history", null), 404);
        expect(call(HttpMethod.GET, AUDITOR, "/api/campaigns/" + member + "?asOf=" + LATER, null), 404);
        expect(call(HttpMethod.GET, AUDITOR, RECORDS + "/tiers/" + member, null), 404);
        expect(call(HttpMethod.GET, AUDITOR, "/api/audit/complaint/records", null), 404);
        expect(call(HttpMethod.GET, AUDITOR, RECORDS + "/members/" + member + "?asOf=yesterday", null), 400);
        for (String role : List.of("FRONT_DESK", "AFTER_SALES", "CS_HEAD", "CS_MANAGER", "SUPERVISOR",
                "BROADCASTER", "DEPARTMENT")) {
            expect(call(HttpMethod.GET, Tokens.bearer("u", role), RECORDS + "/members/" + member, null), 403);
        }
    }

    @Test
    @DisplayName("A4 S5 a member as they were shows the phone masked, as the live read does")
    void memberAsTheyWereIsMasked() {
        Map<String, Object> body = Members.gold("赵敏");
        String phone = (String) body.get("phone");
        String member = expect(call(HttpMethod.POST, AFTER_SALES, "/api/members", body), 201).get("id").asText();
        Instant registered = lastEvent("/api/members/" + member + "/history");
        expect(call(HttpMethod.POST, AFTER_SALES, "/api/members/" + member + "/tier", Map.of("tier", "VIP")),
                200);
        for (String path : List.of(RECORDS + "/members/" + member + "?asOf=" + registered,
                "/api/members/" + member + "?asOf=" + registered)) {
            JsonNode then = expect(call(HttpMethod.GET, AUDITOR, path, null), 200);
            assertThat(then.get("tier").asText()).isEqualTo("GOLD");
            assertThat(then.toString()).doesNotContain(phone).contains(Members.masked(phone));
        }
        assertThat(expect(call(HttpMethod.GET, AUDITOR, "/api/members/" + member, null), 200).get("tier").asText())
                .isEqualTo("VIP");
    }

    @Test
    @DisplayName("A4 a record of each kind as of its last event is the live read")
    void asOfNowIsLiveForEveryKind() {
        String member = member("韩梅梅");
        String campaign = expect(call(HttpMethod.POST, AFTER_SALES, "/api/campaigns", Map.of("name", "春节",
                "item", "红包", "stock", 3, "perMemberLimit", 1)), 201).get("id").asText();
        expect(call(HttpMethod.POST, AFTER_SALES, "/api/campaigns/" + campaign + "/handouts",
                Map.of("memberId", member)), 201);
        String request = expect(call(HttpMethod.POST, DESK, "/api/service-requests", Map.of("memberId", member,
                "kind", "STORAGE", "details", "一个箱子")), 201).get("id").asText();
        expect(call(HttpMethod.POST, DESK, "/api/service-requests/" + request + "/complete", Map.of("note", "取走")),
                200);
        for (var kind : Map.of("members", member, "campaigns", campaign, "service-requests", request).entrySet()) {
            AuditedRecordsChecks.asOfNowIsLive("membership", kind.getKey(), kind.getValue(),
                    path -> call(HttpMethod.GET, AUDITOR, path, null));
        }
    }

    private Instant firstEvent(String history) {
        return Instant.parse(expect(call(HttpMethod.GET, AUDITOR, history, null), 200).get(0).get("occurredAt")
                .asText());
    }

    private Instant lastEvent(String history) {
        JsonNode events = expect(call(HttpMethod.GET, AUDITOR, history, null), 200);
        return Instant.parse(events.get(events.size() - 1).get("occurredAt").asText());
    }

    private String member(String name) {
        return expect(call(HttpMethod.POST, AFTER_SALES, "/api/members", Members.gold(name)), 201).get("id").asText();
    }
}
