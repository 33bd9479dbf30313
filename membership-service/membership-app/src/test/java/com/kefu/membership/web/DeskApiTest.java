package com.kefu.membership.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.membership.Members;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Gifts (M3) and front-desk services (M5) over HTTP, against real PostgreSQL and Kafka. */
class DeskApiTest extends ServiceTest {

    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");
    private static final String DESK_ONE = Tokens.bearer("desk1", "FRONT_DESK");
    private static final String DESK_TWO = Tokens.bearer("desk2", "FRONT_DESK");
    /** Gifts are handed out by after-sales (M3; roles table), here from two desks at once. */
    private static final String GIFTS_ONE = Tokens.bearer("aftersales1", "AFTER_SALES");
    private static final String GIFTS_TWO = Tokens.bearer("aftersales2", "AFTER_SALES");


    private String member(String name) {
        var registered = call(HttpMethod.POST, AFTER_SALES, "/api/members", Members.gold(name));
        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        return registered.getBody().get("id").asText();
    }

    private String campaign(int stock, int limit) {
        var started = call(HttpMethod.POST, AFTER_SALES, "/api/campaigns", Map.of("name", "圣诞节", "item", "纪念杯",
                "stock", stock, "perMemberLimit", limit));
        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(201);
        return started.getBody().get("id").asText();
    }

    /** Every hand-out at once, from two desks in turn; answers the status codes. */
    private List<Integer> handOutAtOnce(String campaignId, List<String> memberIds) throws Exception {
        ExecutorService desks = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> handOuts = new ArrayList<>();
            for (int i = 0; i < memberIds.size(); i++) {
                String desk = i % 2 == 0 ? GIFTS_ONE : GIFTS_TWO;
                String memberId = memberIds.get(i);
                handOuts.add(() -> call(HttpMethod.POST, desk, "/api/campaigns/" + campaignId + "/handouts",
                        Map.of("memberId", memberId)).getStatusCode().value());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : desks.invokeAll(handOuts)) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            desks.shutdown();
        }
    }

    @Test
    @DisplayName("M3 forty members at two desks ask at once for the last five gifts: exactly five are handed out")
    void stockHoldsUnderConcurrentHandOuts() throws Exception {
        String campaignId = campaign(5, 1);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            members.add(member("gift-" + i));
        }
        List<Integer> statuses = handOutAtOnce(campaignId, members);
        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(5);
        assertThat(statuses.stream().filter(status -> status == 409)).hasSize(35);
        JsonNode campaign = call(HttpMethod.GET, DESK_ONE, "/api/campaigns/" + campaignId, null).getBody();
        assertThat(campaign.path("stock").asInt(-1)).isZero();
        assertThat(campaign.path("handedOut").asInt()).isEqualTo(5);
    }

    @Test
    @DisplayName("M3 one member asking at two desks at once gets no more than the campaign's limit")
    void limitHoldsUnderConcurrentHandOuts() throws Exception {
        String campaignId = campaign(100, 2);
        String member = member("greedy");
        List<Integer> statuses = handOutAtOnce(campaignId, java.util.Collections.nCopies(12, member));
        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(2);
        var refused = call(HttpMethod.POST, GIFTS_ONE, "/api/campaigns/" + campaignId + "/handouts",
                Map.of("memberId", member));
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("type").asText()).endsWith("gift-limit-reached");
        assertThat(call(HttpMethod.GET, DESK_ONE, "/api/members/" + member, null).getBody().path("gifts")
                .findValues("quantity")).hasSize(2);
    }

    @Test
    @DisplayName("M3 a cancelled member receives nothing (409); bad campaigns and hand-outs are 400, unknown ones 404; "
            + "the front desk hands out nothing (403)")
    void refusesBadHandOuts() {
        String campaignId = campaign(10, 1);
        String member = member("leaving");
        assertThat(call(HttpMethod.POST, AFTER_SALES, "/api/members/" + member + "/cancel", Map.of("reason", "退会"))
                .getStatusCode().value()).isEqualTo(200);
        var cancelled = call(HttpMethod.POST, GIFTS_ONE, "/api/campaigns/" + campaignId + "/handouts",
                Map.of("memberId", member));
        assertThat(cancelled.getStatusCode().value()).isEqualTo(409);
        assertThat(cancelled.getBody().get("type").asText()).endsWith("member-cancelled");
        assertThat(call(HttpMethod.POST, GIFTS_ONE, "/api/campaigns/" + campaignId + "/handouts",
                Map.of("memberId", java.util.UUID.randomUUID().toString())).getStatusCode().value()).isEqualTo(404);
        var negative = call(HttpMethod.POST, AFTER_SALES, "/api/campaigns", Map.of("name", "x", "item", "y",
                "stock", -1, "perMemberLimit", 1));
        assertThat(negative.getStatusCode().value()).isEqualTo(400);
        assertThat(negative.getBody().get("detail").asText()).contains("stock");
        assertThat(call(HttpMethod.POST, DESK_ONE, "/api/campaigns", Map.of("name", "x", "item", "y", "stock", 1,
                "perMemberLimit", 1)).getStatusCode().value()).isEqualTo(403);
        assertThat(call(HttpMethod.POST, DESK_ONE, "/api/campaigns/" + campaignId + "/handouts",
                Map.of("memberId", member("at the front desk"))).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    @DisplayName("M5 front-desk services get a ticket by kind, close once, and show on the member's record; the ticket "
            + "prints in Chinese and Russian (the storage ticket for storage)")
    void serviceRequests() {
        String member = member("services");
        var stored = call(HttpMethod.POST, DESK_ONE, "/api/service-requests", Map.of("memberId", member,
                "kind", "STORAGE", "details", "两个购物袋 / две сумки"));
        assertThat(stored.getStatusCode().value()).isEqualTo(201);
        assertThat(stored.getBody().get("number").asText()).matches("JC-\\d{6}");
        String ticket = "/api/service-requests/" + stored.getBody().get("id").asText();
        var invoice = call(HttpMethod.POST, DESK_TWO, "/api/service-requests", Map.of("kind", "INVOICE",
                "details", "发票抬头: 某公司"));
        assertThat(invoice.getBody().get("number").asText()).startsWith("FP-");

        String card = call(HttpMethod.GET, DESK_ONE, "/api/members/" + member, null).getBody().path("member")
                .path("cardNumber").asText();
        assertThat(printedTicket(ticket)).contains("寄存凭证", "Квитанция о хранении",
                stored.getBody().get("number").asText(), "两个购物袋 / две сумки", card, "寄存 / Камера хранения",
                "办理中 / ");
        assertThat(printedTicket("/api/service-requests/" + invoice.getBody().get("id").asText()))
                .contains("会员服务单", "开发票 / ", "非会员 / не участник").doesNotContain("寄存凭证");
        assertThat(call(HttpMethod.POST, DESK_TWO, ticket + "/complete", Map.of("note", "本人凭票领取")).getBody()
                .get("status").asText()).isEqualTo("DONE");
        assertThat(printedTicket(ticket)).contains("已完成 / ", "本人凭票领取");
        var twice = call(HttpMethod.POST, DESK_ONE, ticket + "/complete", Map.of());
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat(twice.getBody().get("detail").asText()).contains("already collected");
        assertThat(call(HttpMethod.POST, DESK_ONE, "/api/service-requests", Map.of("kind", "LAUNDRY",
                "details", "x")).getStatusCode().value()).isEqualTo(400);

        JsonNode record = call(HttpMethod.GET, DESK_ONE, "/api/members/" + member, null).getBody();
        assertThat(record.path("serviceRequests").findValuesAsText("kind")).containsExactly("STORAGE");
        assertThat(record.path("serviceRequests").findValuesAsText("status")).containsExactly("DONE");
    }

    private String printedTicket(String request) {
        var page = api().get().uri(request + "/ticket").header(HttpHeaders.AUTHORIZATION, DESK_ONE)
                .accept(MediaType.TEXT_HTML).retrieve().toEntity(String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        return page.getBody();
    }
}
