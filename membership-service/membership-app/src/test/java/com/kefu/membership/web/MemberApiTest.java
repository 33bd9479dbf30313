package com.kefu.membership.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.membership.Members;
import com.kefu.membership.api.MembershipTopics;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Topics;
import com.kefu.platform.test.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Registering members through the API, against real PostgreSQL and Kafka. */
@AutoConfigureObservability
class MemberApiTest extends ServiceTest {

    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");
    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<JsonNode> register(String token, Map<String, Object> body) {
        var request = api().post().uri("/api/members").contentType(MediaType.APPLICATION_JSON).body(body);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, token);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> read(String token, String id) {
        return api().get().uri("/api/members/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, token)
                .retrieve().toEntity(JsonNode.class);
    }

    @Test
    @DisplayName("M1 a member registered by after-sales gets a card number and is readable by every desk role")
    void registersAndReads() {
        String name = "member-" + UUID.randomUUID();
        Map<String, Object> body = Members.gold(name);
        body.put("phone", Members.PHONE);
        var registered = register(AFTER_SALES, body);
        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        String id = registered.getBody().get("id").asText();
        String cardNumber = registered.getBody().get("cardNumber").asText();
        assertThat(registered.getHeaders().getLocation()).hasPath("/api/members/" + id);
        assertThat(cardNumber).matches("8\\d{11}");

        for (String reader : List.of("FRONT_DESK", "AFTER_SALES", "CS_HEAD", "CS_MANAGER", "AUDITOR")) {
            var read = read(Tokens.bearer(reader.toLowerCase(), reader), id);
            assertThat(read.getStatusCode().value()).isEqualTo(200);
            assertThat(read.getBody().get("name").asText()).isEqualTo(Masking.name(name));
            assertThat(read.getBody().get("cardNumber").asText()).isEqualTo(cardNumber);
            assertThat(read.getBody().get("tier").asText()).isEqualTo("GOLD");
            assertThat(read.getBody().get("status").asText()).isEqualTo("ACTIVE");
            assertThat(read.getBody().get("maskedPhone").asText()).isEqualTo(Members.MASKED_PHONE);
            assertThat(read.getBody().toString()).doesNotContain(Members.PHONE);
        }
    }

    @Test
    @DisplayName("M1 MemberRegistered is published on membership.events with the phone masked, never in clear")
    void publishesMasked() throws Exception {
        Map<String, Object> body = Members.withTier("published", "VIP");
        String phone = (String) body.get("phone");
        String id = register(Tokens.bearer("head", "CS_HEAD"), body).getBody().get("id").asText();

        List<ConsumerRecord<String, byte[]>> records = Topics.awaitRecords(MembershipTopics.EVENTS, id);
        // the phone in clear is recorded by an internal event of the same member: it must not follow on the topic
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> published = records.get(0);
        assertThat(published.key()).isEqualTo(id);
        JsonNode envelope = json.readTree(published.value());
        assertThat(envelope.get("type").asText()).isEqualTo("MemberRegistered");
        assertThat(envelope.get("version").asInt()).isEqualTo(1);
        assertThat(envelope.get("aggregateId").asText()).isEqualTo(id);
        assertThat(envelope.get("sequence").asLong()).isZero();
        assertThat(envelope.get("actor").asText()).isEqualTo("head");
        assertThat(envelope.get("data").get("memberId").asText()).isEqualTo(id);
        assertThat(envelope.get("data").get("tier").asText()).isEqualTo("VIP");
        assertThat(envelope.get("data").get("maskedPhone").asText()).isEqualTo(Members.masked(phone));
        assertThat(new String(published.value(), StandardCharsets.UTF_8)).doesNotContain(phone);
    }

    @Test
    @DisplayName("M1 card numbers carry a valid Luhn check digit and differ between two registrations")
    void drawsDistinctValidCardNumbers() {
        String first = register(AFTER_SALES, Members.gold("first")).getBody().get("cardNumber").asText();
        String second = register(AFTER_SALES, Members.gold("second")).getBody().get("cardNumber").asText();
        assertThat(first).isNotEqualTo(second);
        assertThat(luhnValid(first)).as(first).isTrue();
        assertThat(luhnValid(second)).as(second).isTrue();
    }

    @Test
    @DisplayName("M1 an unknown tier is a 400 problem naming the field; so is a phone that is not one")
    void refusesUnknownTier() {
        var unknownTier = register(AFTER_SALES, Members.withTier("platinum", "PLATINUM"));
        assertThat(unknownTier.getStatusCode().value()).isEqualTo(400);
        assertThat(unknownTier.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(unknownTier.getBody().get("detail").asText()).contains("tier");

        Map<String, Object> badPhone = Members.gold("bad-phone");
        badPhone.put("phone", "call me");
        var invalidPhone = register(AFTER_SALES, badPhone);
        assertThat(invalidPhone.getStatusCode().value()).isEqualTo(400);
        assertThat(invalidPhone.getBody().get("detail").asText()).contains("phone must be a phone number");
    }

    @Test
    @DisplayName("S4 the front desk reads members but does not register them (403); no token is 401; unknown is 404")
    void refusesStrangers() {
        var frontDesk = register(Tokens.bearer("desk", "FRONT_DESK"), Members.gold("front-desk"));
        assertThat(frontDesk.getStatusCode().value()).isEqualTo(403);
        assertThat(frontDesk.getHeaders().getContentType().toString()).startsWith("application/problem+json");

        var anonymous = register(null, Members.gold("anonymous"));
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);

        assertThat(read(Tokens.bearer("broadcaster", "BROADCASTER"), UUID.randomUUID().toString())
                .getStatusCode().value()).isEqualTo(403);
        assertThat(read(Tokens.bearer("desk", "FRONT_DESK"), UUID.randomUUID().toString())
                .getStatusCode().value()).isEqualTo(404);
    }


    private static void expect(ResponseEntity<JsonNode> response, int status, String detail) {
        expect(response, status);
        if (detail != null) {
            assertThat(response.getBody().get("detail").asText()).contains(detail);
        }
    }

    @Test
    @DisplayName("API-IDEM M1 a retried registration with the same Idempotency-Key answers the first and registers "
            + "nothing new (no second card, no phone-in-use); the same key from another user is 409 naming the rule")
    void retriedRegistrationRegistersOnce() {
        Map<String, Object> member = Members.gold("retried");
        String key = UUID.randomUUID().toString();
        var first = registerWithKey(AFTER_SALES, key, member);
        var retry = registerWithKey(AFTER_SALES, key, member);
        expect(first, 201, null);
        expect(retry, 201, null);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(jdbc.queryForObject("select count(*) from member_view where card_number = ?", Integer.class,
                first.getBody().get("cardNumber").asText())).isEqualTo(1);

        var stolen = registerWithKey(Tokens.bearer("head", "CS_HEAD"), key, member);
        expect(stolen, 409, "Idempotency-Key");
        assertThat(stolen.getBody().get("type").asText()).endsWith("idempotency-key-reused");
        // without the key the same registration is a second one, refused by the phone's rule
        expect(register(AFTER_SALES, member), 409, "already has this phone number");
    }

    private ResponseEntity<JsonNode> registerWithKey(String token, String key, Map<String, Object> body) {
        return api().post().uri("/api/members").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, token).header("Idempotency-Key", key).body(body)
                .retrieve().toEntity(JsonNode.class);
    }

    @Test
    @DisplayName("M1 one active membership per phone: a second registration is 409 naming the rule; cancelling frees it")
    void onePhoneOneActiveMembership() {
        Map<String, Object> first = Members.gold("first-holder");
        String phone = (String) first.get("phone");
        String id = register(AFTER_SALES, first).getBody().get("id").asText();

        Map<String, Object> again = Members.gold("second-holder");
        again.put("phone", phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7));
        var refused = register(AFTER_SALES, again);
        expect(refused, 409, "already has this phone number");
        assertThat(refused.getBody().get("type").asText()).endsWith("phone-in-use");

        var other = register(AFTER_SALES, Members.gold("other")).getBody().get("id").asText();
        expect(call(HttpMethod.PATCH, AFTER_SALES, "/api/members/" + other, Map.of("phone", phone)), 409, "phone number");

        expect(call(HttpMethod.POST, AFTER_SALES, "/api/members/" + id + "/cancel", Map.of("reason", "本人申请")), 200, null);
        assertThat(register(AFTER_SALES, again).getStatusCode().value()).isEqualTo(201);
        expect(call(HttpMethod.POST, AFTER_SALES, "/api/members/" + id + "/tier", Map.of("tier", "VIP")), 409,
                "is cancelled");
    }

    @Test
    @DisplayName("M1 a replaced card stops working; the new card finds the member; a misread number is 400")
    void replacesCards() {
        var registered = register(AFTER_SALES, Members.gold("card-holder")).getBody();
        String id = registered.get("id").asText();
        String oldCard = registered.get("cardNumber").asText();
        expect(call(HttpMethod.GET, DESK, "/api/members/by-card/" + oldCard, null), 200, null);

        var replaced = call(HttpMethod.POST, AFTER_SALES, "/api/members/" + id + "/card", Map.of("reason", "卡丢失"));
        expect(replaced, 200, null);
        String newCard = replaced.getBody().get("cardNumber").asText();
        assertThat(newCard).isNotEqualTo(oldCard).matches("8\\d{11}");

        expect(call(HttpMethod.GET, DESK, "/api/members/by-card/" + oldCard, null), 404, "was replaced");
        var found = call(HttpMethod.GET, DESK, "/api/members/by-card/" + newCard, null);
        expect(found, 200, null);
        assertThat(found.getBody().get("id").asText()).isEqualTo(id);
        String misread = oldCard.substring(0, 11) + (char) ('0' + (oldCard.charAt(11) - '0' + 1) % 10);
        expect(call(HttpMethod.GET, DESK, "/api/members/by-card/" + misread, null), 400, "check digit");
    }

    @Test
    @DisplayName("M2 points are earned and redeemed with a reason; redeeming past the balance is 409, zero is 400")
    void points() {
        String id = register(AFTER_SALES, Members.gold("points")).getBody().get("id").asText();
        String points = "/api/members/" + id + "/points";
        assertThat(call(HttpMethod.POST, AFTER_SALES, points, Map.of("delta", 500, "reason", "购物 ¥500")).getBody()
                .get("points").asLong()).isEqualTo(500);
        var refused = call(HttpMethod.POST, AFTER_SALES, points, Map.of("delta", -501, "reason", "兑换礼品"));
        expect(refused, 409, "below zero");
        assertThat(refused.getBody().get("type").asText()).endsWith("points-balance");
        expect(call(HttpMethod.POST, AFTER_SALES, points, Map.of("delta", 0, "reason", "nothing")), 400, "delta");
        expect(call(HttpMethod.POST, AFTER_SALES, points, Map.of("delta", 100)), 400, "reason");
        assertThat(call(HttpMethod.POST, AFTER_SALES, points, Map.of("delta", -200, "reason", "兑换礼品")).getBody()
                .get("points").asLong()).isEqualTo(300);
        var read = call(HttpMethod.GET, DESK, "/api/members/" + id, null);
        expect(read, 200, null);
        JsonNode record = read.getBody();
        assertThat(record.path("points").asLong()).isEqualTo(300);
        assertThat(record.get("pointsHistory").findValuesAsText("reason")).containsExactly("兑换礼品", "购物 ¥500");
        JsonNode tiers = call(HttpMethod.GET, DESK, "/api/tiers", null).getBody();
        assertThat(tiers.findValuesAsText("tier")).containsExactly("REGULAR", "SILVER", "GOLD", "VIP");
        assertThat(tiers.get(3).get("benefitsZh").asText()).contains("投诉优先");
    }

    @Test
    @DisplayName("S3 a cancelled member's name and phone are erased on request; the record, history and replay keep working")
    void erasesCancelledMembers() {
        Map<String, Object> body = Members.gold("Пётр Иванов");
        String phone = (String) body.get("phone");
        String id = register(AFTER_SALES, body).getBody().get("id").asText();
        String head = Tokens.bearer("head", "CS_HEAD");
        var active = call(HttpMethod.POST, head, "/api/members/" + id + "/erasure", Map.of("reason", "本人申请"));
        expect(active, 409, "cancel it before erasing");
        expect(call(HttpMethod.POST, AFTER_SALES, "/api/members/" + id + "/cancel", Map.of("reason", "本人申请")), 200, null);
        expect(call(HttpMethod.POST, AFTER_SALES, "/api/members/" + id + "/erasure", Map.of("reason", "本人申请")), 403, null);
        expect(call(HttpMethod.POST, head, "/api/members/" + id + "/erasure", Map.of("reason", "本人申请删除个人信息")), 200, null);

        var read = call(HttpMethod.GET, DESK, "/api/members/" + id, null);
        expect(read, 200, null);
        assertThat(read.getBody().path("name").asText()).isEqualTo("[erased]");
        var history = call(HttpMethod.GET, Tokens.bearer("auditor", "AUDITOR"), "/api/members/" + id + "/history", null);
        assertThat(history.getBody().toString()).doesNotContain("Пётр").doesNotContain(phone)
                .contains("PersonalDataErased");
        // the phone is free for someone else now
        Map<String, Object> next = Members.gold("next holder");
        next.put("phone", phone);
        assertThat(register(AFTER_SALES, next).getStatusCode().value()).isEqualTo(201);

        var replay = call(HttpMethod.POST, Tokens.bearer("admin", "ADMIN"), "/admin/projections/member-view/replay", null);
        expect(replay, 202, null);
        // a rebuild runs after its answer: wait for it
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var rebuilt = call(HttpMethod.GET, DESK, "/api/members/" + id, null);
            expect(rebuilt, 200, null);
            assertThat(rebuilt.getBody().path("name").asText()).isEqualTo("[erased]");
            assertThat(rebuilt.getBody().path("status").asText()).isEqualTo("CANCELLED");
        });
    }

    @Test
    @DisplayName("S2 a member's phone in clear only with a reason, and every read is recorded for the auditor")
    void contactReadsAreRecorded() {
        Map<String, Object> body = Members.gold("contact");
        String id = register(AFTER_SALES, body).getBody().get("id").asText();
        expect(call(HttpMethod.GET, DESK, "/api/members/" + id + "/contact?reason=x", null), 403, null);
        expect(call(HttpMethod.GET, AFTER_SALES, "/api/members/" + id + "/contact", null), 400, "reason");
        var contact = call(HttpMethod.GET, AFTER_SALES, "/api/members/" + id + "/contact?reason=礼品寄送", null);
        expect(contact, 200, null);
        assertThat(contact.getBody().get("phone").asText()).isEqualTo(body.get("phone"));
        var reads = call(HttpMethod.GET, Tokens.bearer("auditor", "AUDITOR"), "/api/members/contact-reads?member=" + id, null);
        expect(reads, 200, null);
        assertThat(reads.getBody().findValuesAsText("why")).containsExactly("礼品寄送");
        assertThat(reads.getBody().findValuesAsText("readBy")).containsExactly("aftersales");
    }

    @Test
    @DisplayName("M4 a change of tier is published on membership.events as MemberTierChanged")
    void publishesTierChanges() throws Exception {
        Map<String, Object> body = Members.gold("to-vip");
        String id = register(AFTER_SALES, body).getBody().get("id").asText();
        expect(call(HttpMethod.POST, Tokens.bearer("head", "CS_HEAD"), "/api/members/" + id + "/tier", Map.of("tier", "VIP")),
                200, null);
        expect(call(HttpMethod.POST, AFTER_SALES, "/api/members/" + id + "/tier", Map.of("tier", "PLATINUM")), 400, null);
        JsonNode changed = await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (ConsumerRecord<String, byte[]> record : Topics.awaitRecords(MembershipTopics.EVENTS, id)) {
                JsonNode envelope = json.readTree(record.value());
                if (envelope.get("type").asText().equals("MemberTierChanged")) {
                    return envelope;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        assertThat(changed.get("data").get("previousTier").asText()).isEqualTo("GOLD");
        assertThat(changed.get("data").get("tier").asText()).isEqualTo("VIP");
        assertThat(changed.get("actor").asText()).isEqualTo("head");

        var history = call(HttpMethod.GET, Tokens.bearer("auditor", "AUDITOR"), "/api/members/" + id + "/history", null);
        expect(history, 200, null);
        assertThat(history.getBody().findValuesAsText("type")).containsExactly("MemberRegistered",
                "MemberContactRecorded", "MemberTierChanged");
        assertThat(history.getBody().toString()).doesNotContain((String) body.get("phone"));
        expect(call(HttpMethod.GET, DESK, "/api/members/" + id + "/history", null), 403, null);
    }

    @Test
    @DisplayName("actuator health and prometheus answer without a token, with metrics tagged by application")
    void servesHealthAndMetrics() {
        assertServesHealthMetricsAndDocs("membership-service", "/api/members");
    }

    /** Luhn's check over the whole number, written apart from CardNumbers so that it checks it independently. */
    private static boolean luhnValid(String number) {
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            int digit = number.charAt(number.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
