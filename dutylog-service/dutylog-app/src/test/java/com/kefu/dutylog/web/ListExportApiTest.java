package com.kefu.dutylog.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.dutylog.Shifts;
import com.kefu.platform.test.ListExports;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19 item 7: the day's duty-log entries and the record of claimant reads download as CSV and XLSX. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kefu.dutylog.scheduling=false"})
class ListExportApiTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");
    private static final ZoneId MALL = ZoneId.of("Asia/Shanghai");

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

    private Instant minutesAgo(int minutes) {
        return clock.instant().minus(Duration.ofMinutes(minutes));
    }

    @Test
    @DisplayName("D1 the day's entries: the CSV and XLSX hold the JSON list's rows, page and entry; a wrong format is "
            + "a 400 naming format; a day without entries exports its header only")
    void dayEntries() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), MALL);
        var shift = post(DESK, "/api/shifts", Shifts.open("一楼服务台"));
        assertThat(shift.getStatusCode().value()).isEqualTo(201);
        String s = "/api/shifts/" + shift.getBody().get("id").asText();
        assertThat(post(DESK, s + "/entries", Shifts.entry("WATER", minutesAgo(30), "3楼漏水, \"急\""))
                .getStatusCode().value()).isEqualTo(201);
        assertThat(post(DESK, s + "/entries", Shifts.entry("OTHER", minutesAgo(20), "=1+1 Лифт стоит"))
                .getStatusCode().value()).isEqualTo(201);
        String path = "/api/duty-days/" + day + "/entries";
        JsonNode entries = get(DESK, path);
        assertThat(entries).hasSize(2);
        var csv = ListExports.assertSameRows(api(), DESK, path, entries, "duty-log-" + day);
        assertThat(csv.header()).contains("shiftId", "post", "occurredAt", "category", "description", "recordedBy");
        assertThat(csv.toString()).contains("'=1+1 Лифт стоит", "一楼服务台");
        ListExports.assertBadFormatRefused(api(), DESK, path);
        String empty = "/api/duty-days/" + day.minusDays(40) + "/entries";
        assertThat(ListExports.assertSameRows(api(), AUDITOR, empty, get(AUDITOR, empty), "duty-log-"
                + day.minusDays(40)).rows()).isEmpty();
    }

    @Test
    @DisplayName("S2 the record of claimant reads: the CSV and XLSX hold the JSON list's rows; the auditor's only")
    void claimantReads() {
        JsonNode item = post(DESK, "/api/lost-items", Shifts.lostItem(minutesAgo(30))).getBody();
        String w = "/api/lost-items/" + item.get("id").asText();
        assertThat(post(DESK, w + "/claim", Map.of("claimant", "Иванова Анна", "identityChecked", true,
                "identityDocument", "паспорт")).getStatusCode().value()).isEqualTo(200);
        String supervisor = Tokens.bearer("zhang", "SUPERVISOR");
        assertThat(get(supervisor, w + "/claimant?reason=失主来问").get("claimant").asText()).isEqualTo("Иванова Анна");
        String reads = "/api/lost-items/contact-reads";
        JsonNode list = get(AUDITOR, reads);
        assertThat(list).hasSize(1);
        var csv = ListExports.assertSameRows(api(), AUDITOR, reads, list, "claimant-reads");
        assertThat(csv.toString()).contains("失主来问", "zhang").doesNotContain("Иванова");
        ListExports.assertBadFormatRefused(api(), AUDITOR, reads);
        assertThat(api().get().uri(reads + "?format=csv").header(HttpHeaders.AUTHORIZATION, supervisor)
                .retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(403);
    }
}
