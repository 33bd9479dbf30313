package com.kefu.complaint.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.complaint.Complaints;
import com.kefu.complaint.api.ComplaintTopics;
import com.kefu.platform.test.PublishedEventSchemas;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import com.kefu.platform.test.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

/** C14 the supervisor's inbox over HTTP, against real PostgreSQL and Kafka (第四章, 篇4 G). */
class SupervisorInboxApiTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");
    private static final String HEAD = Tokens.bearer("head", "CS_HEAD");
    private static final String SUPERVISOR = Tokens.bearer("supervisor", "SUPERVISOR");

    private ResponseEntity<JsonNode> post(String token, String path, Object body) {
        var request = api()
                .post().uri(path).header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON);
        return (body == null ? request : request.body(body)).retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String token, String path) {
        return api().get().uri(path).header(HttpHeaders.AUTHORIZATION, token).retrieve().toEntity(JsonNode.class);
    }

    private static void status(ResponseEntity<JsonNode> response, int status) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
    }

    private String major(String subject) {
        var created = post(DESK, "/api/complaints", Complaints.major(subject));
        status(created, 201);
        return created.getBody().get("id").asText();
    }

    private List<String> inbox() {
        var inbox = get(SUPERVISOR, "/api/complaints/escalations");
        status(inbox, 200);
        List<String> ids = new ArrayList<>();
        inbox.getBody().forEach(complaint -> ids.add(complaint.get("id").asText()));
        return ids;
    }

    @Test
    @DisplayName("C14 an escalated MAJOR complaint is in the supervisor's inbox; acknowledged it goes after the unread "
            + "ones; the instructions show on the complaint and go out on complaint.events")
    void supervisorActsOnEscalations() throws Exception {
        String first = major("扶梯夹伤 " + UUID.randomUUID());
        String second = major("天花板掉落 " + UUID.randomUUID());
        String notEscalated = major("电梯困人 " + UUID.randomUUID());
        status(post(AFTER_SALES, "/api/complaints/" + first + "/escalate", Map.of("reason", "涉及人身安全")), 200);
        status(post(AFTER_SALES, "/api/complaints/" + second + "/escalate", Map.of("reason", "涉及人身安全")), 200);

        List<String> inbox = inbox();
        assertThat(inbox).contains(first, second).doesNotContain(notEscalated);
        assertThat(inbox.indexOf(first)).isLessThan(inbox.indexOf(second));
        JsonNode waiting = get(SUPERVISOR, "/api/complaints/" + first).getBody().get("supervisor");
        assertThat(waiting.hasNonNull("escalatedAt")).isTrue();
        assertThat(waiting.hasNonNull("acknowledgedBy")).as("not yet acknowledged").isFalse();

        String c = "/api/complaints/" + first;
        var notSupervisor = post(HEAD, c + "/supervisor/acknowledgement", null);
        status(notSupervisor, 403);
        var refused = post(SUPERVISOR, "/api/complaints/" + notEscalated + "/supervisor/acknowledgement", null);
        status(refused, 409);
        assertThat(refused.getBody().get("type").asText()).isEqualTo("urn:kefu:problem:complaint-not-escalated");
        assertThat(refused.getBody().get("detail").asText()).contains("has not been escalated", "(C14)");

        status(post(SUPERVISOR, c + "/supervisor/acknowledgement", null), 200);
        var twice = post(SUPERVISOR, c + "/supervisor/acknowledgement", null);
        status(twice, 409);
        assertThat(twice.getBody().get("type").asText()).isEqualTo("urn:kefu:problem:escalation-acknowledged");
        inbox = inbox();
        assertThat(inbox.indexOf(second)).as("the unread one first").isLessThan(inbox.indexOf(first));

        var blank = post(SUPERVISOR, c + "/supervisor/instructions", Map.of("instructions", " "));
        status(blank, 400);
        assertThat(blank.getBody().toString()).contains("instructions");
        status(post(SUPERVISOR, c + "/supervisor/instructions", Map.of("instructions", "保留监控录像，今天答复客户")), 200);
        status(post(HEAD, c + "/assign", Map.of("department", "security")), 200);
        status(post(SUPERVISOR, c + "/supervisor/instructions", Map.of("instructions", "明早向我汇报")), 200);

        JsonNode supervisor = get(AFTER_SALES, c).getBody().get("supervisor");
        assertThat(supervisor.get("acknowledgedBy").asText()).isEqualTo("supervisor");
        assertThat(supervisor.get("instructions")).hasSize(2);
        assertThat(supervisor.get("instructions").get(0).get("text").asText()).isEqualTo("保留监控录像，今天答复客户");
        assertThat(supervisor.get("instructions").get(1).get("text").asText()).isEqualTo("明早向我汇报");
        assertThat(supervisor.get("instructions").get(1).get("givenBy").asText()).isEqualTo("supervisor");

        ObjectMapper json = new ObjectMapper();
        List<String> published = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : Topics.awaitRecords(ComplaintTopics.EVENTS, first)) {
            JsonNode envelope = json.readTree(record.value());
            assertThat(PublishedEventSchemas.envelopeErrors(envelope, ComplaintTopics.EVENTS)).as("C13").isEmpty();
            if (envelope.get("type").asText().startsWith("Supervisor")
                    || envelope.get("type").asText().startsWith("Escalation")) {
                published.add(envelope.get("type").asText() + ": " + envelope.get("data").path("instructions").asText());
            }
        }
        assertThat(published).containsExactly("EscalationAcknowledged: ",
                "SupervisorInstructionsRecorded: 保留监控录像，今天答复客户", "SupervisorInstructionsRecorded: 明早向我汇报");
    }
}
