package com.kefu.membership.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.membership.Members;
import com.kefu.platform.test.ListExports;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19 item 7: the members and the record of contact reads download as CSV and XLSX, masked as the list. */
class ListExportApiTest extends ServiceTest {

    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");
    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");

    @Autowired
    MutableClock clock;

    private JsonNode get(String token, String path) {
        var answer = api().get().uri(path).header(HttpHeaders.AUTHORIZATION, token).retrieve().toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().value()).as(path).isEqualTo(200);
        return answer.getBody();
    }

    @Test
    @DisplayName("members and contact reads: the CSV and XLSX hold the JSON list's rows with the same filters, phones "
            + "masked as in the list; a wrong format is a 400 naming format; access as the list's")
    void membersAndContactReads() {
        List<String> phones = new ArrayList<>();
        for (Map<String, Object> body : List.of(Members.gold("王芳"), Members.withTier("Анна Смирнова", "SILVER"),
                Members.gold("@李雷"))) {
            phones.add((String) body.get("phone"));
            var created = api().post().uri("/api/members").header(HttpHeaders.AUTHORIZATION, AFTER_SALES)
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
            assertThat(created.getStatusCode().value()).isEqualTo(201);
            String id = created.getBody().get("id").asText();
            assertThat(get(AFTER_SALES, "/api/members/" + id + "/contact?reason=回访").get("phone").asText())
                    .isEqualTo(body.get("phone"));
        }
        String today = clock.today().toString();
        String gold = "/api/members?tier=GOLD";
        JsonNode items = get(AFTER_SALES, gold + "&size=100");
        assertThat(items).hasSize(2);
        var csv = ListExports.assertSameRows(api(), AFTER_SALES, gold, items, "members-" + today);
        assertThat(csv.header()).contains("cardNumber", "maskedPhone", "tier", "points");
        phones.forEach(phone -> assertThat(csv.toString()).doesNotContain(phone));
        assertThat(ListExports.assertSameRows(api(), AFTER_SALES, "/api/members",
                get(AFTER_SALES, "/api/members?size=100"), "members-" + today).rows()).hasSize(3);
        ListExports.assertBadFormatRefused(api(), AFTER_SALES, gold);
        assertThat(api().get().uri(gold + "&format=xlsx").header(HttpHeaders.AUTHORIZATION,
                Tokens.bearer("engineer", "DEPARTMENT")).retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(403);

        String reads = "/api/members/contact-reads";
        JsonNode readList = get(AUDITOR, reads);
        assertThat(readList).hasSize(3);
        ListExports.assertSameRows(api(), AUDITOR, reads, readList, "member-contact-reads");
        ListExports.assertBadFormatRefused(api(), AUDITOR, reads);
        assertThat(api().get().uri(reads + "?format=csv").header(HttpHeaders.AUTHORIZATION, AFTER_SALES)
                .retrieve().toEntity(String.class).getStatusCode().value()).as("the auditor's only").isEqualTo(403);
    }
}
