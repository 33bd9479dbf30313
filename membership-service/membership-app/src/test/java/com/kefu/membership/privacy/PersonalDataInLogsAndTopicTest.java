package com.kefu.membership.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.membership.Members;
import com.kefu.membership.api.MembershipTopics;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import com.kefu.platform.test.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * S1 over membership-service's logs and topic: a member's name and phone, registered (and refused for another
 * member), changed, read in clear, cancelled and erased (refused while active first), appear in no log line (with the service and Axon logging at DEBUG) and only masked on
 * membership.events.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.com.kefu=DEBUG", "logging.level.org.axonframework=DEBUG"})
class PersonalDataInLogsAndTopicTest extends ServiceTest {

    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");
    private static final String HEAD = Tokens.bearer("head", "CS_HEAD");
    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");

    @Autowired
    ObjectMapper json;



    private static String unique(String name) {
        return name + UUID.randomUUID().toString().substring(0, 6);
    }

    private List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        List<String> types = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                types.add(json.readTree(record.value()).get("type").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return types;
    }

    @Test
    @DisplayName("S1 a member's name and phone, through registration, change, contact read, cancellation and erasure: "
            + "in no log line at DEBUG, only masked on membership.events")
    void personalDataStaysOutOfLogsAndTopic(CapturedOutput logs) throws Exception {
        String name = unique("Пётр Иванов ");
        String newName = unique("王小明");
        Map<String, Object> body = Members.gold(name);
        String phone = (String) body.get("phone");
        String newPhone = Members.newPhone();
        List<String> clear = List.of(name, newName, phone, newPhone);

        String id = expect(call(HttpMethod.POST, AFTER_SALES, "/api/members", body), 201).get("id").asText();
        String member = "/api/members/" + id;
        assertThat(call(HttpMethod.GET, DESK, member, null).getBody().path("name").asText())
                .isEqualTo(Masking.name(name));
        Map<String, Object> samePhone = Members.gold(unique("another "));
        samePhone.put("phone", phone);
        expect(call(HttpMethod.POST, AFTER_SALES, "/api/members", samePhone), 409);
        expect(call(HttpMethod.PATCH, AFTER_SALES, member, Map.of("name", newName, "phone", newPhone)), 200);
        var contact = expect(call(HttpMethod.GET, AFTER_SALES, member + "/contact?reason=礼品寄送", null), 200);
        assertThat(contact.get("phone").asText()).isEqualTo(newPhone);
        expect(call(HttpMethod.GET, AUDITOR, member + "/history", null), 200);

        // on the topic (before the erasure, which would make the relay publish the name as erased): the member's
        // events, each with the name and the phone masked
        List<ConsumerRecord<String, byte[]>> published = await().atMost(Duration.ofSeconds(60))
                .until(() -> Topics.awaitRecords(MembershipTopics.EVENTS, id),
                        records -> types(records).containsAll(List.of("MemberRegistered", "MemberDetailsChanged")));
        for (ConsumerRecord<String, byte[]> record : published) {
            JsonNode envelope = json.readTree(record.value());
            JsonNode data = envelope.get("data");
            switch (envelope.get("type").asText()) {
                case "MemberRegistered" -> {
                    assertThat(data.get("name").asText()).isEqualTo(Masking.name(name));
                    assertThat(data.get("maskedPhone").asText()).isEqualTo(Members.masked(phone));
                }
                case "MemberDetailsChanged" -> {
                    assertThat(data.get("name").asText()).isEqualTo(Masking.name(newName));
                    assertThat(data.get("maskedPhone").asText()).isEqualTo(Members.masked(newPhone));
                }
                default -> { }
            }
        }

        expect(call(HttpMethod.POST, HEAD, member + "/erasure", Map.of("reason", "本人申请")), 409);
        expect(call(HttpMethod.POST, AFTER_SALES, member + "/cancel", Map.of("reason", "本人申请")), 200);
        expect(call(HttpMethod.POST, HEAD, member + "/erasure", Map.of("reason", "本人申请删除个人信息")), 200);
        assertThat(call(HttpMethod.GET, DESK, member, null).getBody().path("name").asText())
                .isEqualTo(Masking.ERASED);
        await().atMost(Duration.ofSeconds(60)).until(() -> types(Topics.awaitRecords(MembershipTopics.EVENTS, id))
                .contains("MemberStatusChanged"));

        // and nowhere on the topic in clear, under whatever key
        for (ConsumerRecord<String, byte[]> record : Topics.all(MembershipTopics.EVENTS)) {
            String text = new String(record.value(), StandardCharsets.UTF_8);
            clear.forEach(value -> assertThat(text).as("a record of %s", record.key()).doesNotContain(value));
        }

        // the logs were written at DEBUG, by the service and by Axon, and never name the member or their phone
        assertThat(logs.getAll()).contains("DEBUG").contains("o.a.");
        clear.forEach(value -> assertThat(logs.getAll()).doesNotContain(value));
    }
}
