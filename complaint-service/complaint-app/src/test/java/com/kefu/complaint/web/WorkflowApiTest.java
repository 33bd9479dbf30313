package com.kefu.complaint.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.Complaints;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A MAJOR complaint driven through every state over HTTP, against real PostgreSQL and Kafka. */
class WorkflowApiTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");
    private static final String HEAD = Tokens.bearer("head", "CS_HEAD");
    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");
    private static final String ENGINEERING = Tokens.departmentBearer("engineering", "engineering");
    private static final String SECURITY = Tokens.departmentBearer("security", "security");

    private ResponseEntity<JsonNode> post(String token, String path, Object body) {
        var request = api()
                .post().uri(path).header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON);
        return (body == null ? request : request.body(body)).retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String token, String path) {
        return api()
                .get().uri(path).header(HttpHeaders.AUTHORIZATION, token).retrieve().toEntity(JsonNode.class);
    }

    private void expect(ResponseEntity<JsonNode> response, int status, String expected) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        if (expected != null) {
            String field = status == 200 ? "status" : "detail";
            assertThat(response.getBody().get(field).asText()).contains(expected);
        }
    }

    @Test
    @DisplayName("C1 C3 C5 C6 C7 C8 C13 a MAJOR complaint goes through every step, none skipped, and its history replays; its registration and handling forms print")
    void majorComplaintThroughEveryState() {
        var created = post(DESK, "/api/complaints", Complaints.major("漏水 " + UUID.randomUUID()));
        expect(created, 201, null);
        String c = "/api/complaints/" + created.getBody().get("id").asText();
        assertThat(created.getBody().get("priority").asText()).isEqualTo("HIGH");

        expect(post(HEAD, c + "/assign", Map.of("department", "engineering")), 409,
                "must be escalated to the supervisor before it is assigned");
        expect(post(HEAD, c + "/assign", Map.of("department", "plumbing")), 400, "not known");
        expect(post(AFTER_SALES, c + "/escalate", Map.of("reason", "涉及安全")), 200, "ESCALATED");
        expect(post(AFTER_SALES, c + "/assign", Map.of("department", "engineering")), 409,
                "only the head of customer service assigns it");
        expect(post(HEAD, c + "/assign", Map.of("department", "engineering", "instructions", "今天处理")), 200,
                "ASSIGNED");

        expect(post(SECURITY, c + "/acknowledge", Map.of()), 404, null);
        expect(post(ENGINEERING, c + "/resolve", Map.of("result", "已修")), 409, "must be acknowledged");
        expect(post(ENGINEERING, c + "/progress", Map.of("note", "先关阀门")), 409, "acknowledged");
        expect(post(ENGINEERING, c + "/acknowledge", Map.of("note", "收到")), 200, "ASSIGNED");
        expect(post(ENGINEERING, c + "/progress", Map.of("note", "已关阀门, 等配件")), 200, "ASSIGNED");
        expect(post(ENGINEERING, c + "/resolve", Map.of("result", "已修")), 200, "RESOLVED");

        expect(post(AFTER_SALES, c + "/follow-up", Map.of("reached", true, "satisfaction", 9)), 400, "satisfaction");
        expect(post(AFTER_SALES, c + "/archive", null), 409, "after a follow-up call");
        expect(post(AFTER_SALES, c + "/follow-up", Map.of("reached", false, "comment", "无人接听")), 200, "RESOLVED");
        expect(post(AFTER_SALES, c + "/follow-up", Map.of("reached", true, "satisfaction", 2, "comment", "还漏")),
                200, "ASSIGNED");
        expect(post(ENGINEERING, c + "/acknowledge", Map.of()), 200, "ASSIGNED");
        expect(post(ENGINEERING, c + "/resolve", Map.of("result", "换了新管")), 200, "RESOLVED");
        expect(post(AFTER_SALES, c + "/follow-up", Map.of("reached", true, "satisfaction", 5, "comment", "满意")),
                200, "FOLLOWED_UP");
        expect(post(AFTER_SALES, c + "/archive", null), 200, "ARCHIVED");
        expect(post(HEAD, c + "/escalate", Map.of("reason", "again")), 409, "is archived");

        // the view is kept in the command's transaction (R1): read at once, no waiting
        var view = get(ENGINEERING, c);
        assertThat(view.getStatusCode().value()).isEqualTo(200);
        assertThat(view.getBody().get("status").asText()).isEqualTo("ARCHIVED");
        assertThat(view.getBody().get("satisfaction").asInt()).isEqualTo(5);
        assertThat(view.getBody().get("followUpCalls").asInt()).isEqualTo(3);
        assertThat(get(SECURITY, c).getStatusCode().value()).isEqualTo(404);

        var history = get(AUDITOR, c + "/history");
        assertThat(history.getStatusCode().value()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        history.getBody().forEach(entry -> types.add(entry.get("type").asText()));
        assertThat(types).containsExactly("ComplaintReceived", "ComplaintEscalated",
                "ComplaintAssigned", "ComplaintAcknowledged", "ComplaintProgressRecorded", "ComplaintResolved",
                "ComplaintFollowedUp",
                "ComplaintFollowedUp", "ComplaintReopened", "ComplaintAcknowledged", "ComplaintResolved",
                "ComplaintFollowedUp", "ComplaintArchived");
        assertThat(history.getBody().get(2).get("actor").asText()).isEqualTo("head");
        assertThat(history.getBody().get(3).get("actor").asText()).isEqualTo("engineering");
        assertThat(history.getBody().toString()).doesNotContain("13812345678").contains("138****5678");
        assertThat(get(DESK, c + "/history").getStatusCode().value()).isEqualTo(403);

        String assignedAt = history.getBody().get(2).get("occurredAt").asText();
        var thenAssigned = get(AUDITOR, c + "?asOf=" + assignedAt).getBody();
        assertThat(thenAssigned.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(thenAssigned.get("department").asText()).isEqualTo("engineering");
        assertThat(thenAssigned.get("acknowledged").asBoolean()).isFalse();
        String reopenedAt = history.getBody().get(8).get("occurredAt").asText();
        var thenReopened = get(AUDITOR, c + "?asOf=" + reopenedAt).getBody();
        assertThat(thenReopened.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(thenReopened.get("followUpCalls").asInt()).isEqualTo(2);
        assertThat(thenReopened.get("satisfaction").asInt()).isEqualTo(2);
        String receivedAt = history.getBody().get(0).get("occurredAt").asText();
        var before = java.time.Instant.parse(receivedAt).minusSeconds(1);
        assertThat(get(AUDITOR, c + "?asOf=" + before).getStatusCode().value()).isEqualTo(404);

        var form = get(AUDITOR, c + "/form").getBody();
        assertThat(form.get("number").asText()).isEqualTo(created.getBody().get("number").asText());
        assertThat(form.get("filed").asBoolean()).isTrue();
        assertThat(form.get("title").get("zh").asText()).isEqualTo("客户服务处理表");
        assertThat(form.get("steps")).hasSize(13);
        String page = api().get().uri(c + "/form").header(HttpHeaders.AUTHORIZATION, AUDITOR)
                .accept(MediaType.TEXT_HTML).retrieve().body(String.class);
        assertThat(page).contains("客户服务处理表", "Карточка обработки обращения",
                created.getBody().get("number").asText(), "跟踪回访", "Обратный звонок клиенту", "138****5678")
                .doesNotContain("13812345678");

        var registration = api().get().uri(c + "/registration-form").header(HttpHeaders.AUTHORIZATION, AUDITOR)
                .accept(MediaType.TEXT_HTML).retrieve().toEntity(String.class);
        assertThat(registration.getStatusCode().value()).isEqualTo(200);
        assertThat(registration.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(registration.getBody()).contains("客户信息登记表", "Регистрационная карточка клиента",
                created.getBody().get("number").asText(), "138****5678", "受理人", "desk")
                .doesNotContain("13812345678", "跟踪回访");
        assertThat(api().get().uri(c + "/registration-form").header(HttpHeaders.AUTHORIZATION, DESK)
                .accept(MediaType.TEXT_HTML).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    @DisplayName("S4 C5 lists: a department sees only its own complaints, whatever it asks for; pages are capped")
    void departmentsSeeTheirOwn() {
        String subject = "list " + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (String department : List.of("engineering", "security", "engineering")) {
            var created = post(DESK, "/api/complaints", Complaints.phoneCall(subject));
            String id = created.getBody().get("id").asText();
            ids.add(id);
            expect(post(AFTER_SALES, "/api/complaints/" + id + "/assign", Map.of("department", department)), 200,
                    "ASSIGNED");
        }
        List<String> seen = new ArrayList<>();
        get(ENGINEERING, "/api/complaints?department=security&size=100").getBody().get("items")
                .forEach(item -> seen.add(item.get("id").asText()));
        assertThat(seen).contains(ids.get(0), ids.get(2)).doesNotContain(ids.get(1));
        seen.forEach(id -> assertThat(get(ENGINEERING, "/api/complaints/" + id).getBody()
                .get("department").asText()).isEqualTo("engineering"));
        var assigned = get(HEAD, "/api/complaints?status=ASSIGNED&department=security&size=100").getBody();
        List<String> security = new ArrayList<>();
        assigned.get("items").forEach(item -> security.add(item.get("id").asText()));
        assertThat(security).contains(ids.get(1)).doesNotContain(ids.get(0), ids.get(2));
        assertThat(get(HEAD, "/api/complaints?size=500").getStatusCode().value()).isEqualTo(400);
        assertThat(get(HEAD, "/api/complaints?status=LOST").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    @DisplayName("C5 departments are data: ADMIN adds one, complaints can then be assigned to it")
    void departmentsAreData() {
        var seeded = get(DESK, "/api/departments").getBody();
        List<String> ids = new ArrayList<>();
        seeded.forEach(department -> ids.add(department.get("id").asText()));
        assertThat(ids).contains("security", "engineering", "cleaning");

        var body = Map.of("nameZh", "停车场", "nameRu", "Парковка", "nameEn", "Parking");
        assertThat(put(DESK, "/api/departments/parking", body).getStatusCode().value()).isEqualTo(403);
        assertThat(put(Tokens.bearer("admin", "ADMIN"), "/api/departments/parking", body).getStatusCode().value())
                .isEqualTo(200);
        var created = post(DESK, "/api/complaints", Complaints.phoneCall("车被刮了"));
        expect(post(AFTER_SALES, "/api/complaints/" + created.getBody().get("id").asText() + "/assign",
                Map.of("department", "parking")), 200, "ASSIGNED");
    }

    private ResponseEntity<JsonNode> put(String token, String path, Object body) {
        return api().put().uri(path).header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    @Test
    @DisplayName("C9 a dispute names its parties; only CS_HEAD records the ruling, which the complaint then shows")
    void disputes() {
        Map<String, Object> body = new java.util.HashMap<>(Complaints.phoneCall("退货纠纷"));
        body.put("dispute", Map.of("complainant", "MALL", "respondent", "CUSTOMER"));
        expect(post(DESK, "/api/complaints", body), 400, "dispute");
        body.put("dispute", Map.of("complainant", "CUSTOMER", "respondent", "MERCHANT"));
        var created = post(DESK, "/api/complaints", body);
        expect(created, 201, null);
        String c = "/api/complaints/" + created.getBody().get("id").asText();
        expect(post(AFTER_SALES, c + "/ruling", Map.of("ruling", "退货")), 403, null);
        expect(post(HEAD, c + "/ruling", Map.of("ruling", "商户七日内退货 / продавец вернёт деньги")), 200, "RECEIVED");
        var view = get(AUDITOR, c).getBody();
        assertThat(view.path("ruling").asText()).startsWith("商户七日内退货");
        assertThat(view.get("dispute").get("respondent").asText()).isEqualTo("MERCHANT");
    }
}
