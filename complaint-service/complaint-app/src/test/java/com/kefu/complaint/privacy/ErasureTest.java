package com.kefu.complaint.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.complaint.Complaints;
import com.kefu.complaint.api.ComplaintTopics;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import com.kefu.platform.test.Topics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Erasure of a customer's personal data (S3) and personal data at rest, on the topic and in the logs (S1). */
@ExtendWith(OutputCaptureExtension.class)
class ErasureTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String HEAD = Tokens.bearer("head", "CS_HEAD");
    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");
    private static final String ADMIN = Tokens.bearer("admin", "ADMIN");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;


    private static String customerName(JsonNode history) {
        return history.get(0).get("data").get("customer").get("name").asText();
    }

    @Test
    @DisplayName("S1 S3 a customer's name and phone are encrypted in the event store and masked on the topic")
    void personalDataAtRestAndOnTheTopic() throws Exception {
        String name = "王芳" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>(Complaints.phoneCall("加密"));
        body.put("customer", Map.of("name", name, "phone", "13987654321"));
        String id = call(HttpMethod.POST, DESK, "/api/complaints", body).getBody().get("id").asText();

        List<String> stored = jdbc.queryForList("select payload from domain_event_entry where aggregate_identifier = ?",
                byte[].class, id).stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
        assertThat(stored).hasSize(1).noneMatch(payload -> payload.contains(name))
                .noneMatch(payload -> payload.contains("13987654321"));

        JsonNode published = json.readTree(Topics.awaitRecord(ComplaintTopics.EVENTS, id).value());
        assertThat(published.get("data").get("customer").get("name").asText()).isEqualTo("王*********");
        assertThat(published.toString()).doesNotContain(name).doesNotContain("13987654321");

        // the service itself reads them back: the history shows them masked (S5), the contact read in clear (S2)
        assertThat(customerName(call(HttpMethod.GET, AUDITOR, "/api/complaints/" + id + "/history", null).getBody()))
                .isEqualTo(Masking.name(name));
        assertThat(call(HttpMethod.GET, HEAD, "/api/complaints/" + id + "/contact?reason=回访", null).getBody()
                .get("name").asText()).isEqualTo(name);
    }

    @Test
    @DisplayName("S3 erasing a customer's data leaves the case, its history, its form and a replay working, with the person erased")
    void erasureSurvivesReplay() {
        String name = "Анна Смирнова " + UUID.randomUUID().toString().substring(0, 4);
        Map<String, Object> body = new HashMap<>(Complaints.phoneCall("стереть"));
        body.put("customer", Map.of("name", name, "phone", "+79145550199"));
        String c = "/api/complaints/" + call(HttpMethod.POST, DESK, "/api/complaints", body).getBody().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> call(HttpMethod.GET, HEAD, c, null).getStatusCode().value() == 200);
        assertThat(call(HttpMethod.GET, HEAD, c, null).getBody().get("customer").get("name").asText())
                .isEqualTo(Masking.name(name));

        assertThat(call(HttpMethod.POST, Tokens.bearer("aftersales", "AFTER_SALES"), c + "/erasure",
                Map.of("reason", "客户要求")).getStatusCode().value()).isEqualTo(403);
        var noReason = call(HttpMethod.POST, HEAD, c + "/erasure", Map.of());
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getBody().get("detail").asText()).contains("reason");
        assertThat(call(HttpMethod.POST, HEAD, "/api/complaints/" + UUID.randomUUID() + "/erasure",
                Map.of("reason", "x")).getStatusCode().value()).isEqualTo(404);
        var erased = call(HttpMethod.POST, HEAD, c + "/erasure", Map.of("reason", "客户要求删除个人信息"));
        assertThat(erased.getStatusCode().value()).as(String.valueOf(erased.getBody())).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                call(HttpMethod.GET, HEAD, c, null).getBody().get("customer").get("name").asText())
                .isEqualTo("[erased]"));
        JsonNode history = call(HttpMethod.GET, AUDITOR, c + "/history", null).getBody();
        assertThat(customerName(history)).isEqualTo("[erased]");
        assertThat(history.toString()).doesNotContain(name).doesNotContain("79145550199")
                .contains("PersonalDataErased");
        JsonNode form = call(HttpMethod.GET, AUDITOR, c + "/form", null).getBody();
        assertThat(form.toString()).doesNotContain(name);
        // the case goes on: it can still be escalated, and it still counts
        assertThat(call(HttpMethod.POST, Tokens.bearer("aftersales", "AFTER_SALES"), c + "/escalate",
                Map.of("reason", "repeat")).getStatusCode().value()).isEqualTo(200);

        var replay = call(HttpMethod.POST, ADMIN, "/admin/projections/complaint-view/replay", null);
        assertThat(replay.getStatusCode().value()).as(String.valueOf(replay.getBody())).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> !call(HttpMethod.GET, ADMIN,
                "/admin/projections/complaint-view", null).getBody().get("replaying").asBoolean()
                && call(HttpMethod.GET, HEAD, c, null).getStatusCode().value() == 200);
        JsonNode rebuilt = call(HttpMethod.GET, HEAD, c, null).getBody();
        assertThat(rebuilt.get("customer").get("name").asText()).isEqualTo("[erased]");
        assertThat(rebuilt.get("customer").has("maskedPhone")).isFalse();
        assertThat(rebuilt.get("status").asText()).isEqualTo("ESCALATED");
    }

    @Test
    @DisplayName("S1 S2 the customer's phone in clear only for after-sales and the head, with a reason, every read recorded for the auditor, never logged")
    void contactReadsAreRecorded(CapturedOutput logs) {
        Map<String, Object> body = new HashMap<>(Complaints.phoneCall("回访"));
        body.put("customer", Map.of("name", "李雷", "phone", "13611112222"));
        String id = call(HttpMethod.POST, DESK, "/api/complaints", body).getBody().get("id").asText();
        String contact = "/api/complaints/" + id + "/contact";

        assertThat(call(HttpMethod.GET, DESK, contact + "?reason=x", null).getStatusCode().value()).isEqualTo(403);
        assertThat(call(HttpMethod.GET, Tokens.departmentBearer("security", "security"), contact + "?reason=x", null)
                .getStatusCode().value()).isEqualTo(403);
        var noReason = call(HttpMethod.GET, HEAD, contact, null);
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getBody().get("detail").asText()).contains("reason");
        var read = call(HttpMethod.GET, Tokens.bearer("aftersales", "AFTER_SALES"), contact + "?reason=回访电话", null);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getBody().get("phone").asText()).isEqualTo("13611112222");
        assertThat(read.getBody().get("name").asText()).isEqualTo("李雷");

        var reads = call(HttpMethod.GET, AUDITOR, "/api/complaints/contact-reads?complaint=" + id, null);
        assertThat(reads.getStatusCode().value()).isEqualTo(200);
        assertThat(reads.getBody()).hasSize(1);
        assertThat(reads.getBody().get(0).get("readBy").asText()).isEqualTo("aftersales");
        assertThat(reads.getBody().get(0).get("why").asText()).isEqualTo("回访电话");
        assertThat(call(HttpMethod.GET, HEAD, "/api/complaints/contact-reads", null).getStatusCode().value())
                .isEqualTo(403);
        // nothing in clear anywhere else: not in the complaint, not in its history
        assertThat(call(HttpMethod.GET, HEAD, "/api/complaints/" + id, null).getBody().toString())
                .doesNotContain("13611112222");
        assertThat(call(HttpMethod.GET, AUDITOR, "/api/complaints/" + id + "/history", null).getBody().toString())
                .doesNotContain("13611112222");
        // and not in a single log line of the service while all that happened
        assertThat(logs.getAll()).isNotEmpty().doesNotContain("13611112222");
    }
}
