package com.kefu.complaint.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Someone asks for a tenant's number (办公大厦保密制度 4), against real PostgreSQL and Kafka. */
class TenantContactTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");


    @Test
    @DisplayName("S1 asked for a tenant's number, the desk records the enquirer's contact and tells the tenant; nothing of the tenant is given")
    void tenantsContactIsNeverGiven() {
        var asked = call(HttpMethod.POST, DESK, "/api/enquiries/tenant-contacts", Map.of("tenant", "1508 某贸易公司",
                "enquirerName", "Иван Петров", "enquirerPhone", "+79001234567", "purpose", "想谈合作 / сотрудничество"));
        assertThat(asked.getStatusCode().value()).as(String.valueOf(asked.getBody())).isEqualTo(201);
        assertThat(asked.getBody().get("status").asText()).isEqualTo("REQUESTED");
        String r = "/api/enquiries/tenant-contacts/" + asked.getBody().get("id").asText();

        JsonNode open = await().atMost(Duration.ofSeconds(20)).until(
                () -> call(HttpMethod.GET, DESK, r, null), answer -> answer.getStatusCode().value() == 200).getBody();
        assertThat(open.get("enquirerMaskedPhone").asText()).isEqualTo("+79****4567");
        assertThat(open.toString()).doesNotContain("+79001234567");
        assertThat(call(HttpMethod.GET, DESK, "/api/enquiries/tenant-contacts?status=REQUESTED", null).getBody()
                .findValuesAsText("id")).contains(open.get("id").asText());

        var contact = call(HttpMethod.GET, DESK, r + "/contact?reason=转告租户", null);
        assertThat(contact.getBody().get("phone").asText()).isEqualTo("+79001234567");
        assertThat(call(HttpMethod.GET, Tokens.bearer("auditor", "AUDITOR"), "/api/complaints/contact-reads?complaint="
                + open.get("id").asText(), null).getBody().findValuesAsText("why")).containsExactly("转告租户");

        var told = call(HttpMethod.POST, DESK, r + "/notified", Map.of("how", "电话告知租户前台", "tenantResponse", "会回电"));
        assertThat(told.getBody().get("status").asText()).isEqualTo("TENANT_NOTIFIED");
        var again = call(HttpMethod.POST, DESK, r + "/notified", Map.of("how", "again"));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("type").asText()).endsWith("tenant-already-notified");
        assertThat(call(HttpMethod.POST, DESK, "/api/enquiries/tenant-contacts", Map.of("tenant", "x",
                "enquirerName", "y", "purpose", "z")).getStatusCode().value()).isEqualTo(400);

        assertThat(call(HttpMethod.POST, Tokens.bearer("head", "CS_HEAD"), r + "/erasure", Map.of("reason", "本人要求"))
                .getStatusCode().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                call(HttpMethod.GET, DESK, r, null).getBody().get("enquirerName").asText()).isEqualTo("[erased]"));
        assertThat(call(HttpMethod.GET, DESK, r + "/contact?reason=x", null).getBody().get("phone").asText())
                .isEqualTo("[erased]");
    }
}
