package com.kefu.complaint.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.Complaints;
import com.kefu.platform.test.ListExports;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 19 item 7: the complaint service's lists download as CSV and XLSX with the list's filters and access. */
class ListExportApiTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String HEAD = Tokens.bearer("head", "CS_HEAD");
    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");

    @Autowired
    MutableClock clock;

    private ResponseEntity<JsonNode> post(String token, String path, Object body) {
        return api().post().uri(path).header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(JsonNode.class);
    }

    private JsonNode get(String token, String path) {
        var answer = api().get().uri(path).header(HttpHeaders.AUTHORIZATION, token).retrieve().toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().value()).as(path).isEqualTo(200);
        return answer.getBody();
    }

    @Test
    @DisplayName("complaints: the CSV and XLSX hold the JSON list's rows with the same filters (customer masked as "
            + "in the list); a department's export holds its own only; a wrong format is a 400 naming format")
    void complaints() {
        String[] departments = {"engineering", "security", "engineering"};
        String[] subjects = {"=1+1 扶梯异响", "Сломан лифт, \"срочно\"", "空调太冷"};
        for (int i = 0; i < subjects.length; i++) {
            var created = post(DESK, "/api/complaints", Complaints.phoneCall(subjects[i]));
            assertThat(created.getStatusCode().value()).isEqualTo(201);
            assertThat(post(HEAD, "/api/complaints/" + created.getBody().get("id").asText() + "/assign",
                    Map.of("department", departments[i])).getStatusCode().value()).isEqualTo(200);
        }
        String today = clock.today().toString();
        String path = "/api/complaints?status=ASSIGNED&from=" + today + "&to=" + today;
        await().atMost(Duration.ofSeconds(30)).until(() -> get(HEAD, path + "&size=100").get("total").asInt() == 3);
        JsonNode items = get(HEAD, path + "&size=100").get("items");
        var csv = ListExports.assertSameRows(api(), HEAD, path, items, "complaints-" + today);
        assertThat(csv.header()).contains("number", "customer.maskedPhone", "subject", "department", "dueAt");
        assertThat(csv.rows()).hasSize(3);
        assertThat(csv.toString()).doesNotContain("13812345678").contains("'=1+1 扶梯异响");

        String engineering = path + "&department=engineering";
        assertThat(ListExports.assertSameRows(api(), HEAD, engineering, get(HEAD, engineering + "&size=100")
                .get("items"), "complaints-" + today).rows()).hasSize(2);
        assertThat(ListExports.assertSameRows(api(), HEAD, "/api/complaints?from=2020-01-01&to=2020-01-31",
                get(HEAD, "/api/complaints?from=2020-01-01&to=2020-01-31").get("items"), "complaints-" + today)
                .rows()).isEmpty();
        String department = Tokens.departmentBearer("engineer", "engineering");
        String asksForSecurity = path + "&department=security";
        var own = ListExports.assertSameRows(api(), department, asksForSecurity,
                get(department, asksForSecurity + "&size=100").get("items"), "complaints-" + today);
        int column = own.header().indexOf("department");
        assertThat(own.rows()).as("S4 a department exports its own only").hasSize(2)
                .allSatisfy(row -> assertThat(row.get(column)).isEqualTo("engineering"));
        ListExports.assertBadFormatRefused(api(), HEAD, path);
        assertThat(api().get().uri(path + "&format=csv").header(HttpHeaders.AUTHORIZATION,
                Tokens.bearer("it", "ADMIN")).retrieve().toEntity(String.class).getStatusCode().value())
                .as("access as the list's").isEqualTo(403);
    }

    @Test
    @DisplayName("enquiries and the record of contact reads: the CSV and XLSX hold the JSON list's rows with the same "
            + "filters; a wrong format is a 400")
    void enquiriesAndContactReads() {
        for (String stage : new String[] {"PRE_SALE", "AFTER_SALE", "PRE_SALE"}) {
            var created = post(DESK, "/api/enquiries", Map.of("channel", "VISIT", "stage", stage,
                    "customerName", "顾客", "customerPhone", "13911112222", "question", "几点开门? " + stage));
            assertThat(created.getStatusCode().value()).isEqualTo(201);
            String id = created.getBody().get("id").asText();
            assertThat(get(DESK, "/api/enquiries/" + id + "/contact?reason=回电 " + stage).get("phone").asText())
                    .isEqualTo("13911112222");
        }
        String today = clock.today().toString();
        String enquiries = "/api/enquiries?stage=PRE_SALE";
        JsonNode items = get(AUDITOR, enquiries + "&size=100").get("items");
        assertThat(items).hasSize(2);
        var csv = ListExports.assertSameRows(api(), AUDITOR, enquiries, items, "enquiries-" + today);
        assertThat(csv.toString()).doesNotContain("13911112222");
        ListExports.assertBadFormatRefused(api(), AUDITOR, enquiries);

        String reads = "/api/complaints/contact-reads?from=" + today + "&to=" + today;
        JsonNode readList = get(AUDITOR, reads);
        assertThat(readList).hasSize(3);
        ListExports.assertSameRows(api(), AUDITOR, reads, readList, "complaint-contact-reads-" + today);
        ListExports.assertBadFormatRefused(api(), AUDITOR, reads);
        assertThat(api().get().uri(reads + "&format=xlsx").header(HttpHeaders.AUTHORIZATION, HEAD)
                .retrieve().toEntity(String.class).getStatusCode().value()).as("the auditor's only").isEqualTo(403);
    }
}
