package com.kefu.complaint.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EnquiryApiTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<JsonNode> post(String path, Object body) {
        var request = api().post().uri(path).header(HttpHeaders.AUTHORIZATION, DESK)
                .contentType(MediaType.APPLICATION_JSON);
        return (body == null ? request : request.body(body)).retrieve().toEntity(JsonNode.class);
    }

    @Test
    @DisplayName("C12 an enquiry from the desk: numbered, answered, archived, and its events read back")
    void enquiryLifecycle() {
        var created = post("/api/enquiries", Map.of("channel", "PHONE", "stage", "AFTER_SALE",
                "customerName", "李明", "customerPhone", "13900000000", "question", "发票怎么开? / Как получить счёт?"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().get("number").asText()).matches("ZX-\\d{6}-\\d{5}");
        String e = "/api/enquiries/" + created.getBody().get("id").asText();

        assertThat(post(e + "/archive", null).getStatusCode().value()).isEqualTo(409);
        assertThat(post(e + "/answer", Map.of("answer", "到一楼服务台 / на стойке 1 этажа")).getBody()
                .get("status").asText()).isEqualTo("ANSWERED");
        assertThat(post(e + "/archive", null).getBody().get("status").asText()).isEqualTo("ARCHIVED");
        assertThat(post(e + "/answer", Map.of("answer", "again")).getStatusCode().value()).isEqualTo(409);

        // the view is kept in the command's transaction (R1): read at once, no waiting
        JsonNode view = api().get().uri(e).header(HttpHeaders.AUTHORIZATION, Tokens.bearer("auditor", "AUDITOR"))
                .retrieve().body(JsonNode.class);
        assertThat(view.path("status").asText()).isEqualTo("ARCHIVED");
        List<String> types = new ArrayList<>();
        view.get("events").forEach(event -> types.add(event.get("type").asText()));
        assertThat(types).containsExactly("EnquiryReceived", "EnquiryAnswered", "EnquiryArchived");
        assertThat(view.toString()).doesNotContain("13900000000");
        assertThat(post("/api/enquiries", Map.of("channel", "PHONE", "stage", "SOMETIME", "customerName", "x",
                "question", "?")).getStatusCode().value()).isEqualTo(400);
        assertThat(view.get("number").asText()).isEqualTo(created.getBody().get("number").asText());
        assertThat(view.get("answer").asText()).startsWith("到一楼服务台");
    }

    private JsonNode list(String query) {
        return api().get().uri("/api/enquiries" + query)
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("supervisor", "SUPERVISOR")).retrieve().body(JsonNode.class);
    }

    @Test
    @DisplayName("C12 the enquiry list pages through enquiries, newest first, by status, stage and day")
    void enquiryList() {
        String stamp = String.valueOf(System.nanoTime());
        for (String stage : List.of("PRE_SALE", "IN_SALE", "AFTER_SALE")) {
            assertThat(post("/api/enquiries", Map.of("channel", "VISIT", "stage", stage, "customerName", "顾客" + stamp,
                    "question", stage + " " + stamp)).getStatusCode().value()).isEqualTo(201);
        }
        assertThat(list("?size=100").get("total").asLong()).isGreaterThanOrEqualTo(3);
        JsonNode preSale = list("?stage=PRE_SALE&status=RECEIVED&size=100");
        List<String> questions = new ArrayList<>();
        preSale.get("items").forEach(item -> questions.add(item.get("question").asText()));
        assertThat(questions).contains("PRE_SALE " + stamp).noneMatch(question -> question.startsWith("IN_SALE"));
        JsonNode firstPage = list("?size=2&page=0");
        assertThat(firstPage.get("items")).hasSize(2);
        assertThat(firstPage.get("items").get(0).get("receivedAt").asText())
                .isGreaterThanOrEqualTo(firstPage.get("items").get(1).get("receivedAt").asText());
        String today = clock.today().toString();
        assertThat(list("?from=" + today + "&to=" + today + "&size=100").get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(list("?from=2020-01-01&to=2020-01-31").get("total").asLong()).isZero();
        var bad = api().get().uri("/api/enquiries?status=LOST").header(HttpHeaders.AUTHORIZATION, DESK)
                .retrieve().toEntity(JsonNode.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    @DisplayName("PD2 S1 S2 an enquiry's customer in clear only from its contact read, for the desk, with a reason, "
            + "the read recorded before the answer and listed for the auditor; another kind of record's id is a 404")
    void customersContactOnlyThroughARecordedRead() {
        var created = post("/api/enquiries", Map.of("channel", "PHONE", "stage", "PRE_SALE",
                "customerName", "Ольга Белова", "customerPhone", "13911112222", "question", "几点开门? / Когда?"));
        String id = created.getBody().get("id").asText();
        String auditor = Tokens.bearer("auditor", "AUDITOR");

        JsonNode contact = get(DESK, "/api/enquiries/" + id + "/contact?reason=回电答复").getBody();
        assertThat(contact.get("name").asText()).isEqualTo("Ольга Белова");
        assertThat(contact.get("phone").asText()).isEqualTo("13911112222");
        JsonNode reads = get(auditor, "/api/complaints/contact-reads?complaint=" + id).getBody();
        assertThat(reads.findValuesAsText("why")).containsExactly("回电答复");
        assertThat(reads.findValuesAsText("what")).containsExactly("enquiry customer contact");
        assertThat(reads.findValuesAsText("readBy")).containsExactly("desk");

        assertThat(get(DESK, "/api/enquiries/" + id + "/contact").getStatusCode().value()).isEqualTo(400);
        assertThat(get(auditor, "/api/enquiries/" + id + "/contact?reason=x").getStatusCode().value()).isEqualTo(403);
        assertThat(get(Tokens.bearer("boss", "SUPERVISOR"), "/api/enquiries/" + id + "/contact?reason=x")
                .getStatusCode().value()).isEqualTo(403);
        String tenantContact = post("/api/enquiries/tenant-contacts", Map.of("tenant", "1508", "enquirerName", "x",
                "enquirerPhone", "13911113333", "purpose", "y")).getBody().get("id").asText();
        assertThat(get(DESK, "/api/enquiries/" + tenantContact + "/contact?reason=x").getStatusCode().value())
                .isEqualTo(404);
        assertThat(get(auditor, "/api/complaints/contact-reads?complaint=" + tenantContact).getBody()).isEmpty();
    }

    @Test
    @DisplayName("API-IDEM C12 a retried enquiry with the same Idempotency-Key answers the first and registers nothing "
            + "new; the same key from another user is 409 naming the rule")
    void retriedEnquiryRegistersOnce() {
        String question = "retry " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, String> enquiry = Map.of("channel", "PHONE", "stage", "PRE_SALE", "customerName", "王芳",
                "question", question);
        var first = register(DESK, key, enquiry);
        var retry = register(DESK, key, enquiry);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(jdbc.queryForObject("select count(*) from enquiry_view where question = ?", Integer.class,
                question)).isEqualTo(1);

        var stolen = register(Tokens.bearer("other", "FRONT_DESK"), key, enquiry);
        assertThat(stolen.getStatusCode().value()).isEqualTo(409);
        assertThat(stolen.getBody().toString()).contains("idempotency-key-reused");
        assertThat(register(DESK, UUID.randomUUID().toString(), enquiry).getBody().get("id").asText())
                .isNotEqualTo(first.getBody().get("id").asText());
        assertThat(jdbc.queryForObject("select count(*) from enquiry_view where question = ?", Integer.class,
                question)).isEqualTo(2);
    }

    private ResponseEntity<JsonNode> register(String token, String key, Object enquiry) {
        return api().post().uri("/api/enquiries").header(HttpHeaders.AUTHORIZATION, token)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).body(enquiry).retrieve()
                .toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String token, String path) {
        return api().get().uri(path).header(HttpHeaders.AUTHORIZATION, token).retrieve().toEntity(JsonNode.class);
    }
}
