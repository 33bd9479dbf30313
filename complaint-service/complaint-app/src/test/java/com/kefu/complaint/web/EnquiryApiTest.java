package com.kefu.complaint.web;

import com.fasterxml.jackson.databind.JsonNode;
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

import static org.assertj.core.api.Assertions.assertThat;

class EnquiryApiTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");

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

        JsonNode view = api().get().uri(e).header(HttpHeaders.AUTHORIZATION, Tokens.bearer("auditor", "AUDITOR"))
                .retrieve().body(JsonNode.class);
        List<String> types = new ArrayList<>();
        view.get("events").forEach(event -> types.add(event.get("type").asText()));
        assertThat(types).containsExactly("EnquiryReceived", "CustomerContactRecorded", "EnquiryAnswered",
                "EnquiryArchived");
        assertThat(view.toString()).doesNotContain("13900000000");
        assertThat(post("/api/enquiries", Map.of("channel", "PHONE", "stage", "SOMETIME", "customerName", "x",
                "question", "?")).getStatusCode().value()).isEqualTo(400);
    }
}
