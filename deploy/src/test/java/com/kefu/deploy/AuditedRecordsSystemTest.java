package com.kefu.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A4 history and {@code asOf} for every kind of record through the gateway on the real system: the auditor reads a
 * campaign, a service request, a piece of equipment, an enquiry and a tenant-contact request, each with its history
 * and as it was at its first event, an earlier state than now; by the services' own resources and by the generic
 * {@code /api/audit/{service}/records}.
 */
class AuditedRecordsSystemTest {

    private static Gateway auditor;
    private static Gateway desk;
    private static Gateway afterSales;
    private static Gateway broadcaster;

    @BeforeAll
    static void startSystem() {
        String url = RunningSystem.gatewayUrl();
        auditor = Gateway.signIn(url, "auditor");
        desk = Gateway.signIn(url, "desk");
        afterSales = Gateway.signIn(url, "aftersales");
        broadcaster = Gateway.signIn(url, "broadcaster");
    }

    @Test
    @DisplayName("A4 the auditor gets the history and an earlier state of a campaign, a service request, equipment, an "
            + "enquiry and a tenant-contact request, through the gateway")
    void everyKindHasHistoryAndAsOf() {
        String mark = UUID.randomUUID().toString().substring(0, 8);

        String campaign = created(afterSales.post("/api/campaigns", Map.of("name", "审计 " + mark, "item", "台历",
                "stock", 5, "perMemberLimit", 1)));
        ok(afterSales.post("/api/campaigns/" + campaign + "/stock", Map.of("quantity", 10)));
        JsonNode campaignThen = earlier("membership", "campaigns", "/api/campaigns/" + campaign);
        assertThat(campaignThen.get("stock").asInt()).isEqualTo(5);
        assertThat(auditor.get("/api/campaigns/" + campaign).body().get("stock").asInt()).isEqualTo(15);

        String request = created(desk.post("/api/service-requests", Map.of("kind", "STORAGE",
                "details", "审计 " + mark)));
        ok(desk.post("/api/service-requests/" + request + "/complete", Map.of("note", "取走")));
        assertThat(earlier("membership", "service-requests", "/api/service-requests/" + request).get("status")
                .asText()).isNotEqualTo(auditor.get("/api/service-requests/" + request).body().get("status").asText());

        String equipment = created(broadcaster.post("/api/equipment", Map.of("name", "功放 " + mark,
                "location", "广播站")));
        ok(broadcaster.post("/api/equipment/" + equipment + "/maintenance", Map.of("description", "除尘 " + mark,
                "performedBy", "technician")));
        assertThat(earlier("broadcast", "equipment", "/api/equipment/" + equipment).toString())
                .doesNotContain("除尘 " + mark);
        assertThat(auditor.get("/api/equipment/" + equipment).body().toString()).contains("除尘 " + mark);

        String enquiry = created(desk.post("/api/enquiries", Map.of("channel", "PHONE", "stage", "AFTER_SALE",
                "customerName", "李明", "customerPhone", "13900002222", "question", "审计 " + mark)));
        ok(desk.post("/api/enquiries/" + enquiry + "/answer", Map.of("answer", "一楼服务台")));
        JsonNode enquiryThen = earlier("complaint", "enquiries", "/api/enquiries/" + enquiry);
        assertThat(enquiryThen.get("events").size())
                .isLessThan(auditor.get("/api/enquiries/" + enquiry).body().get("events").size());
        assertThat(enquiryThen.toString()).doesNotContain("13900002222");

        String contact = created(desk.post("/api/enquiries/tenant-contacts", Map.of("tenant", "1508 " + mark,
                "enquirerName", "Иван Петров", "enquirerPhone", "+79001112233", "purpose", "合作")));
        String contactPath = "/api/enquiries/tenant-contacts/" + contact;
        await().atMost(Duration.ofSeconds(30)).until(() -> desk.get(contactPath).status() == 200);
        ok(desk.post(contactPath + "/notified", Map.of("how", "电话")));
        JsonNode contactThen = earlier("complaint", "tenant-contact-requests", contactPath);
        assertThat(contactThen.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(contactThen.toString()).doesNotContain("+79001112233");
        assertThat(auditor.get(contactPath).body().get("status").asText()).isNotEqualTo("REQUESTED");

        assertThat(auditor.get("/api/audit/broadcast/records").body().findValuesAsText("kind"))
                .contains("plans", "equipment", "emergencies");
        assertThat(desk.get("/api/audit/membership/records").status()).isEqualTo(403);
    }

    /**
     * The record as it was at its first event, read both ways (the resource's {@code ?asOf=} and the audit records'),
     * which agree; its history has more than one event, so that is earlier than now.
     */
    private static JsonNode earlier(String service, String kind, String resource) {
        String id = resource.substring(resource.lastIndexOf('/') + 1);
        String record = "/api/audit/" + service + "/records/" + kind + "/" + id;
        Gateway.Response history = auditor.get(resource + "/history");
        assertThat(history.status()).as(resource + " " + history.body()).isEqualTo(200);
        assertThat(history.body().size()).as(resource).isGreaterThan(1);
        assertThat(auditor.get(record + "/history").body()).isEqualTo(history.body());
        String first = history.body().get(0).get("occurredAt").asText();
        Gateway.Response then = auditor.get(resource + "?asOf=" + first);
        assertThat(then.status()).as(resource + " " + then.body()).isEqualTo(200);
        assertThat(auditor.get(record + "?asOf=" + first).body()).isEqualTo(then.body());
        assertThat(then.body()).isNotEqualTo(auditor.get(resource).body());
        return then.body();
    }

    private static String created(Gateway.Response answer) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
        return answer.body().get("id").asText();
    }

    private static void ok(Gateway.Response answer) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isBetween(200, 201);
    }
}
