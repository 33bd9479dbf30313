package com.kefu.dutylog.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.dutylog.Shifts;
import com.kefu.dutylog.api.DutylogTopics;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.test.MutableClock;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S1 over dutylog-service's logs and topic: the person a lost item is handed back to (D9), named at the desk, read
 * back in the chain of custody and erased on request, appears in no log line (with the service and Axon logging at
 * DEBUG) and not at all on dutylog.events, where lost and found is never published.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.com.kefu=DEBUG", "logging.level.org.axonframework=DEBUG"})
class PersonalDataInLogsAndTopicTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String HEAD = Tokens.bearer("head", "CS_HEAD");
    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");

    @Autowired
    MutableClock clock;



    @Test
    @DisplayName("S1 a lost item's claimant, through claim, chain of custody, history and erasure: in no log line at "
            + "DEBUG, nowhere on dutylog.events")
    void claimantStaysOutOfLogsAndTopic(CapturedOutput logs) {
        String claimant = "Иванова Анна " + UUID.randomUUID().toString().substring(0, 6);
        String document = "паспорт " + UUID.randomUUID().toString().substring(0, 6);

        String id = expect(call(HttpMethod.POST, DESK, "/api/lost-items",
                Shifts.lostItem(clock.instant().minusSeconds(600))), 201).get("id").asText();
        String item = "/api/lost-items/" + id;
        expect(call(HttpMethod.POST, DESK, item + "/claim", Map.of("claimant", claimant, "identityChecked", false)),
                409);
        JsonNode returned = expect(call(HttpMethod.POST, DESK, item + "/claim",
                Map.of("claimant", claimant, "identityChecked", true, "identityDocument", document)), 200);
        assertThat(returned.get("chainOfCustody").get(3).get("to").asText()).isEqualTo(Masking.name(claimant));
        expect(call(HttpMethod.GET, AUDITOR, item + "/history", null), 200);
        JsonNode erased = expect(call(HttpMethod.POST, HEAD, item + "/erasure", Map.of("reason", "本人要求")), 200);
        assertThat(erased.get("chainOfCustody").get(3).get("to").asText()).isEqualTo(Masking.ERASED);

        for (ConsumerRecord<String, byte[]> record : Topics.all(DutylogTopics.EVENTS)) {
            assertThat(record.key()).isNotEqualTo(id);
            String text = new String(record.value(), StandardCharsets.UTF_8);
            List.of(claimant, document).forEach(value -> assertThat(text).doesNotContain(value));
        }

        // the logs were written at DEBUG, by the service and by Axon, and never name the claimant or their document
        assertThat(logs.getAll()).contains("DEBUG").contains("o.a.");
        List.of(claimant, document).forEach(value -> assertThat(logs.getAll()).doesNotContain(value));
    }

    @Test
    @DisplayName("S1 D17 D18 a visitor's name and a parcel's collector and signature, through sign-in, lists, views, "
            + "history and hand-over: in no log line at DEBUG, nowhere on dutylog.events")
    void visitorsAndCollectorsStayOutOfLogsAndTopic(CapturedOutput logs) {
        String visitor = "Смирнова Ольга " + UUID.randomUUID().toString().substring(0, 6);
        String collector = "店员 王芳 " + UUID.randomUUID().toString().substring(0, 6);
        String badge = "P-" + UUID.randomUUID().toString().substring(0, 6);

        String visit = expect(call(HttpMethod.POST, DESK, "/api/visitors", Shifts.visitor(visitor, badge)), 201)
                .get("id").asText();
        assertThat(expect(call(HttpMethod.GET, AUDITOR, "/api/visitors/" + visit, null), 200).get("name").asText())
                .isEqualTo(Masking.name(visitor));
        expect(call(HttpMethod.GET, AUDITOR, "/api/visitors/in-building", null), 200);
        expect(call(HttpMethod.GET, AUDITOR, "/api/visitors/" + visit + "/history", null), 200);
        expect(call(HttpMethod.POST, DESK, "/api/visitors/" + visit + "/departure", null), 200);

        String tenant = "A-301 " + UUID.randomUUID().toString().substring(0, 6);
        String parcel = expect(call(HttpMethod.POST, DESK, "/api/parcels", Shifts.parcel(tenant)), 201).get("id")
                .asText();
        expect(call(HttpMethod.POST, DESK, "/api/parcels/" + parcel + "/handover",
                Shifts.collection(tenant, collector)), 200);
        expect(call(HttpMethod.GET, AUDITOR, "/api/parcels/" + parcel + "/history", null), 200);

        for (ConsumerRecord<String, byte[]> record : Topics.all(DutylogTopics.EVENTS)) {
            assertThat(record.key()).isNotIn(visit, parcel);
            String text = new String(record.value(), StandardCharsets.UTF_8);
            List.of(visitor, collector).forEach(value -> assertThat(text).doesNotContain(value));
        }
        assertThat(logs.getAll()).contains("DEBUG").contains("o.a.");
        List.of(visitor, collector).forEach(value -> assertThat(logs.getAll()).doesNotContain(value));
    }
}
