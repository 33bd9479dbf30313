package com.kefu.complaint.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.complaint.Complaints;
import com.kefu.complaint.api.ComplaintTopics;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * S1 over complaint-service's logs and topic: the customer of a complaint, the customer of an enquiry and someone
 * asking for a tenant's number, registered and read in clear where the role may, appear in no log line (with the
 * service and Axon logging at DEBUG) and only masked on complaint.events.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.com.kefu=DEBUG", "logging.level.org.axonframework=DEBUG"})
class PersonalDataInLogsAndTopicTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");
    private static final String HEAD = Tokens.bearer("head", "CS_HEAD");
    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");

    @Autowired
    ObjectMapper json;



    private static String unique(String name) {
        return name + UUID.randomUUID().toString().substring(0, 6);
    }

    private static String phone() {
        return "137" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private JsonNode published(String key, String type) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (ConsumerRecord<String, byte[]> record : Topics.awaitRecords(ComplaintTopics.EVENTS, key)) {
                JsonNode envelope = json.readTree(record.value());
                if (envelope.get("type").asText().equals(type)) {
                    return envelope.get("data");
                }
            }
            return null;
        }, java.util.Objects::nonNull);
    }

    @Test
    @DisplayName("S1 customers of complaints and enquiries and enquirers after a tenant's number: in no log line at "
            + "DEBUG, only masked on complaint.events")
    void personalDataStaysOutOfLogsAndTopic(CapturedOutput logs) {
        String customer = unique("欧阳娜娜");
        String customerPhone = phone();
        String enquirer = unique("Мария Соколова ");
        String enquirerPhone = phone();
        String tenantEnquirer = unique("Иван Петров ");
        String tenantEnquirerPhone = "+7900" + "%07d".formatted(ThreadLocalRandom.current().nextInt(10_000_000));
        List<String> clear = List.of(customer, customerPhone, enquirer, enquirerPhone, tenantEnquirer,
                tenantEnquirerPhone);

        // C1 intake, read by the head (masked, S5), the contact read in clear by after-sales (S2), the history by the auditor
        Map<String, Object> complaint = new HashMap<>(Complaints.phoneCall("日志"));
        complaint.put("customer", Map.of("name", customer, "phone", customerPhone));
        String id = expect(call(HttpMethod.POST, DESK, "/api/complaints", complaint), 201).get("id").asText();
        String c = "/api/complaints/" + id;
        await().atMost(Duration.ofSeconds(20)).until(() -> call(HttpMethod.GET, HEAD, c, null).getBody()
                .path("customer").path("name").asText().equals(Masking.name(customer)));
        assertThat(expect(call(HttpMethod.GET, AFTER_SALES, c + "/contact?reason=回访电话", null), 200)
                .get("phone").asText()).isEqualTo(customerPhone);
        expect(call(HttpMethod.GET, AUDITOR, c + "/history", null), 200);

        // C12 an enquiry: registered, answered, archived (and refused an answer after that), read
        String e = "/api/enquiries/" + expect(call(HttpMethod.POST, DESK, "/api/enquiries", Map.of("channel", "PHONE",
                "stage", "AFTER_SALE", "customerName", enquirer, "customerPhone", enquirerPhone,
                "question", "发票怎么开? / Как получить счёт?")), 201).get("id").asText();
        expect(call(HttpMethod.POST, DESK, e + "/answer", Map.of("answer", "一楼服务台 / стойка 1 этажа")), 200);
        expect(call(HttpMethod.POST, DESK, e + "/archive", null), 200);
        expect(call(HttpMethod.POST, DESK, e + "/answer", Map.of("answer", "again")), 409);
        await().atMost(Duration.ofSeconds(20)).until(() -> call(HttpMethod.GET, AUDITOR, e, null).getBody()
                .path("status").asText().equals("ARCHIVED"));

        // 篇5 4: someone asks for a tenant's number; their own contact is taken, read to pass on, the tenant told (once)
        String r = "/api/enquiries/tenant-contacts/" + expect(call(HttpMethod.POST, DESK,
                "/api/enquiries/tenant-contacts", Map.of("tenant", "1508 某贸易公司", "enquirerName", tenantEnquirer,
                        "enquirerPhone", tenantEnquirerPhone, "purpose", "想谈合作")), 201).get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> call(HttpMethod.GET, DESK, r, null)
                .getStatusCode().value() == 200);
        assertThat(expect(call(HttpMethod.GET, DESK, r + "/contact?reason=转告租户", null), 200)
                .get("phone").asText()).isEqualTo(tenantEnquirerPhone);
        expect(call(HttpMethod.POST, DESK, r + "/notified", Map.of("how", "电话告知租户前台")), 200);
        expect(call(HttpMethod.POST, DESK, r + "/notified", Map.of("how", "again")), 409);

        // on the topic: the customers masked (a name as its initials, the phone as 137****1234)
        JsonNode received = published(id, "ComplaintReceived");
        assertThat(received.get("customer").get("name").asText()).isEqualTo(Masking.name(customer));
        assertThat(received.get("customer").get("maskedPhone").asText()).isEqualTo(Masking.phone(customerPhone));
        JsonNode enquiry = published(e.substring(e.lastIndexOf('/') + 1), "EnquiryReceived");
        assertThat(enquiry.get("customer").get("name").asText()).isEqualTo(Masking.name(enquirer));
        assertThat(enquiry.get("customer").get("maskedPhone").asText()).isEqualTo(Masking.phone(enquirerPhone));
        // and none of them in clear anywhere on the topic, under whatever key (the tenant request is never published)
        for (ConsumerRecord<String, byte[]> record : Topics.all(ComplaintTopics.EVENTS)) {
            String text = new String(record.value(), StandardCharsets.UTF_8);
            clear.forEach(value -> assertThat(text).as("a record of %s", record.key()).doesNotContain(value));
        }

        // the logs were written at DEBUG, by the service and by Axon, and never name a person or their phone
        assertThat(logs.getAll()).contains("DEBUG").contains("o.a.");
        clear.forEach(value -> assertThat(logs.getAll()).doesNotContain(value));
    }
}
