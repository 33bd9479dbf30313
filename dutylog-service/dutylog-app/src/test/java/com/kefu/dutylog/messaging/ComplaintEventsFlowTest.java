package com.kefu.dutylog.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.api.ComplaintTopics;
import com.kefu.dutylog.Shifts;
import com.kefu.platform.messaging.MessagingConfiguration;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import com.kefu.platform.test.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the duty log takes from complaint.events, against real PostgreSQL and Kafka: complaint calls (D11) and the
 * MAJOR complaints a handover waits for (D7).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplaintEventsFlowTest extends ServiceTest {

    /** The front desk, which opens shifts and reads them. */
    @Override
    protected RestClient api() {
        return super.api().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, Tokens.bearer("desk", "FRONT_DESK"))
                .build();
    }

    @Test
    @Order(1)
    @DisplayName("D11 a call that arrives while no shift is open waits and enters the next shift opened, once")
    void callWaitsForTheNextShift() {
        String complaintId = UUID.randomUUID().toString();
        String number = "KF-202611-" + (10000 + (int) (Math.random() * 89999));
        UUID eventId = UUID.randomUUID();
        String envelope = ComplaintEnvelopes.received(clock, eventId, complaintId, number, "PHONE");
        publish(complaintId, envelope.getBytes(StandardCharsets.UTF_8));
        publish(complaintId, envelope.getBytes(StandardCharsets.UTF_8)); // delivered twice

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api().get().uri("/api/shifts/current").retrieve().toEntity(String.class)
                        .getStatusCode().value()).isEqualTo(404));
        await().atMost(Duration.ofSeconds(20)).until(() -> pendingCalls() >= 1);

        var opened = api().post().uri("/api/shifts").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("post", "front-desk")).retrieve().toEntity(JsonNode.class);
        assertThat(opened.getStatusCode().value()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(20)).until(() -> pendingCalls() == 0); // it follows the opening
        JsonNode current = api().get().uri("/api/shifts/current").retrieve().body(JsonNode.class);
        assertThat(current.get("id").asText()).isEqualTo(opened.getBody().get("id").asText());
        assertThat(references(current)).containsOnlyOnce(number);
    }

    @Test
    @Order(2)
    @DisplayName("D11 a phone complaint enters the open shift once, however often it is delivered; a visit does not")
    void callEntersTheOpenShiftOnce() {
        String phoneId = UUID.randomUUID().toString();
        String phoneNumber = "KF-202611-" + (10000 + (int) (Math.random() * 89999));
        String envelope = ComplaintEnvelopes.received(clock, UUID.randomUUID(), phoneId, phoneNumber, "PHONE");
        for (int i = 0; i < 3; i++) {
            publish(phoneId, envelope.getBytes(StandardCharsets.UTF_8));
        }
        String visitId = UUID.randomUUID().toString();
        String visitNumber = "KF-202611-" + (10000 + (int) (Math.random() * 89999));
        publish(visitId, ComplaintEnvelopes.received(clock, UUID.randomUUID(), visitId, visitNumber, "VISIT")
                .getBytes(StandardCharsets.UTF_8));

        String marker = "KF-202611-" + (10000 + (int) (Math.random() * 89999));
        String markerId = UUID.randomUUID().toString();
        publish(markerId, ComplaintEnvelopes.received(clock, UUID.randomUUID(), markerId, marker, "PHONE")
                .getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(references(api().get().uri("/api/shifts/current").retrieve().body(JsonNode.class)))
                        .contains(marker));
        List<String> references = references(api().get().uri("/api/shifts/current").retrieve().body(JsonNode.class));
        assertThat(references).containsOnlyOnce(phoneNumber).doesNotContain(visitNumber);
    }

    @Test
    @Order(3)
    @DisplayName("a record that is not an envelope lands in complaint.events.DLT with its bytes, counted in "
            + "kefu.consumer.dead.letters; the next one is processed")
    void poisonGoesToTheDeadLetterTopic() {
        double deadLetters = registry.get(MessagingConfiguration.DEAD_LETTERS).tag("topic", ComplaintTopics.EVENTS)
                .counter().count();
        byte[] poison = ("not json at all " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String key = UUID.randomUUID().toString();
        publish(key, poison);
        String goodId = UUID.randomUUID().toString();
        String goodNumber = "KF-202611-" + (10000 + (int) (Math.random() * 89999));
        publish(goodId, ComplaintEnvelopes.received(clock, UUID.randomUUID(), goodId, goodNumber, "PHONE")
                .getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(references(api().get().uri("/api/shifts/current").retrieve().body(JsonNode.class)))
                        .contains(goodNumber));

        ConsumerRecord<String, byte[]> dead =
                Topics.awaitRecord(ComplaintTopics.EVENTS + MessagingConfiguration.DEAD_LETTER_SUFFIX, key);
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-original-topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(ComplaintTopics.EVENTS);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(registry
                .get(MessagingConfiguration.DEAD_LETTERS).tag("topic", ComplaintTopics.EVENTS).counter().count())
                .isEqualTo(deadLetters + 1));
    }

    @Test
    @Order(4)
    @DisplayName("D7 a MAJOR complaint escalated in complaint-service holds up the handover until it is resolved "
            + "there, however often its events arrive")
    void majorComplaintHoldsUpTheHandover() {
        String shift = api().get().uri("/api/shifts/current").retrieve().body(JsonNode.class).get("id").asText();
        String complaintId = UUID.randomUUID().toString();
        String number = "KF-202611-" + (10000 + (int) (Math.random() * 89999));
        String normalId = UUID.randomUUID().toString();
        // same key as the MAJOR one: once the MAJOR escalation is in, so is the NORMAL one before it
        publish(complaintId, ComplaintEnvelopes.escalated(clock, UUID.randomUUID(), normalId, "KF-202611-00001", "NORMAL")
                .getBytes(StandardCharsets.UTF_8));
        String escalated = ComplaintEnvelopes.escalated(clock, UUID.randomUUID(), complaintId, number, "MAJOR");
        publish(complaintId, escalated.getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).until(() -> openMajorComplaints().contains(number));
        assertThat(openMajorComplaints()).containsExactly(number);

        var refused = api().post().uri("/api/shifts/" + shift + "/handover").contentType(MediaType.APPLICATION_JSON)
                .body(Shifts.handover("night")).retrieve().toEntity(JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("reasons").toString()).contains("MAJOR complaint " + number);

        publish(complaintId, ComplaintEnvelopes.resolved(clock, UUID.randomUUID(), complaintId)
                .getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).until(() -> openMajorComplaints().isEmpty());
        publish(complaintId, escalated.getBytes(StandardCharsets.UTF_8)); // the old escalation again: changes nothing
        String marker = UUID.randomUUID().toString();
        publish(complaintId, ComplaintEnvelopes.received(clock, UUID.randomUUID(), marker, "KF-202611-99999", "PHONE")
                .getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(references(api().get().uri("/api/shifts/current").retrieve().body(JsonNode.class)))
                        .contains("KF-202611-99999"));
        assertThat(openMajorComplaints()).isEmpty();

        var handedOver = api().post().uri("/api/shifts/" + shift + "/handover").contentType(MediaType.APPLICATION_JSON)
                .body(Shifts.handover("night")).retrieve().toEntity(JsonNode.class);
        assertThat(handedOver.getStatusCode().value()).as(String.valueOf(handedOver.getBody())).isEqualTo(200);
    }

    @Test
    @Order(5)
    @DisplayName("D20 C14 the supervisor's instructions on an escalated complaint go into the next handover once, "
            + "however often they arrive, and the next page carries them over")
    void supervisorInstructionsEnterTheNextHandover() {
        String shift = api().get().uri("/api/shifts/current").retrieve().body(JsonNode.class).get("id").asText();
        String complaintId = UUID.randomUUID().toString();
        String number = "KF-202612-" + (10000 + (int) (Math.random() * 89999));
        String given = ComplaintEnvelopes.supervisorInstructions(clock, UUID.randomUUID(), complaintId, number,
                "保留监控录像，明早向我汇报");
        publish(complaintId, given.getBytes(StandardCharsets.UTF_8));
        publish(complaintId, given.getBytes(StandardCharsets.UTF_8)); // delivered twice
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from supervisor_instruction where number = ?", Integer.class, number) == 1);

        Map<String, Object> handover = new java.util.HashMap<>(Shifts.handover("night"));
        handover.put("lateReason", "测试 / тест");
        var proposed = api().post().uri("/api/shifts/" + shift + "/handover").contentType(MediaType.APPLICATION_JSON)
                .body(handover).retrieve().toEntity(JsonNode.class);
        assertThat(proposed.getStatusCode().value()).as(String.valueOf(proposed.getBody())).isEqualTo(200);
        String expected = number + ": 保留监控录像，明早向我汇报";
        assertThat(instructions(proposed.getBody().get("handoverProposal")))
                .containsExactly("主管 张: 明早检查消防通道", "supervisor: " + expected);

        RestClient night = super.api().mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, Tokens.bearer("night", "FRONT_DESK")).build();
        var accepted = night.post().uri("/api/shifts/" + shift + "/handover/acceptance")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("lateReason", "测试 / тест"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(accepted.getStatusCode().value()).as(String.valueOf(accepted.getBody())).isEqualTo(201);
        JsonNode next = accepted.getBody().get("next");
        assertThat(next.get("carriedOver").toString()).contains(expected);

        Map<String, Object> toDay = new java.util.HashMap<>(Shifts.handover("day"));
        toDay.put("lateReason", "测试 / тест");
        var nextProposal = night.post().uri("/api/shifts/" + next.get("id").asText() + "/handover")
                .contentType(MediaType.APPLICATION_JSON).body(toDay).retrieve().toEntity(JsonNode.class);
        assertThat(nextProposal.getStatusCode().value()).as(String.valueOf(nextProposal.getBody())).isEqualTo(200);
        assertThat(instructions(nextProposal.getBody().get("handoverProposal")))
                .as("handed over once: the next page carries it, it is not proposed again")
                .containsExactly("主管 张: 明早检查消防通道");
    }

    private static List<String> instructions(JsonNode proposal) {
        List<String> all = new ArrayList<>();
        proposal.get("instructions").forEach(i -> all.add(i.get("from").asText() + ": " + i.get("text").asText()));
        return all;
    }

    private List<String> openMajorComplaints() {
        return jdbc.queryForList("select number from major_complaint where open", String.class);
    }

    private static List<String> references(JsonNode shift) {
        List<String> references = new ArrayList<>();
        shift.get("entries").forEach(entry -> {
            if (entry.hasNonNull("reference")) {
                references.add(entry.get("reference").asText());
            }
        });
        return references;
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    MeterRegistry registry;

    private int pendingCalls() {
        return jdbc.queryForObject("select count(*) from pending_complaint_call", Integer.class);
    }

    private static void publish(String key, byte[] value) {
        Topics.publish(ComplaintTopics.EVENTS, key, value);
    }
}
