package com.kefu.complaint.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.Complaints;
import com.kefu.platform.axon.AuditedRecords;
import com.kefu.platform.test.AuditedRecordsChecks;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A4 every record of the complaint service has its history and its view as it was, through the platform's one
 * mechanism (which replaced the fold once written for complaints alone, {@code ComplaintReplay}, after a test showed
 * they answered alike at every event of a complaint's life: the same view, its instants told to the microsecond as
 * PostgreSQL keeps them where the fold kept the events' nanoseconds).
 */
class AuditedRecordsTest extends ServiceTest {

    private static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");
    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");
    private static final String HEAD = Tokens.bearer("head", "CS_HEAD");
    private static final String ENGINEERING = Tokens.departmentBearer("engineering", "engineering");

    @Autowired
    AuditedRecords records;

    @Autowired
    MutableClock clock;

    @Test
    @DisplayName("A4 every aggregate of the service is a kind of auditable record")
    void everyAggregateIsAKind() {
        AuditedRecordsChecks.everyAggregateIsAKind(records, "com.kefu.complaint");
    }

    @Test
    @DisplayName("A4 C13 a complaint as it was after each step of its life is what its read showed right after that "
            + "step; before its first event it is 404")
    void complaintAsItWasAtEachStep() {
        String c = "/api/complaints/" + expect(call(HttpMethod.POST, DESK, "/api/complaints",
                Complaints.phoneCall("漏水")), 201).get("id").asText();
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        seen(c, seen);
        step(c, AFTER_SALES, "/escalate", Map.of("reason", "涉及安全"), seen);
        step(c, HEAD, "/assign", Map.of("department", "engineering"), seen);
        step(c, ENGINEERING, "/acknowledge", Map.of("note", "收到"), seen);
        step(c, ENGINEERING, "/resolve", Map.of("result", "已修"), seen);
        step(c, AFTER_SALES, "/follow-up", Map.of("reached", true, "satisfaction", 2, "comment", "还漏"), seen);
        clock.advance(Duration.ofHours(30));
        step(c, ENGINEERING, "/acknowledge", Map.of(), seen);
        step(c, ENGINEERING, "/resolve", Map.of("result", "换了新管"), seen);
        step(c, AFTER_SALES, "/follow-up", Map.of("reached", true, "satisfaction", 5), seen);
        step(c, AFTER_SALES, "/archive", null, seen);

        assertThat(seen).hasSize(10);
        seen.forEach((at, live) -> assertThat(expect(call(HttpMethod.GET, AUDITOR, c + "?asOf=" + at, null), 200))
                .as("as it was at " + at + " (" + live.get("status") + ")").isEqualTo(live));
        String first = expect(call(HttpMethod.GET, AUDITOR, c + "/history", null), 200).get(0).get("occurredAt")
                .asText();
        expect(call(HttpMethod.GET, AUDITOR, c + "?asOf=" + Instant.parse(first).minusNanos(1000), null), 404);
    }

    private void step(String complaint, String token, String action, Object body, Map<String, JsonNode> seen) {
        expect(call(HttpMethod.POST, token, complaint + action, body), 200);
        seen(complaint, seen);
    }

    /** The complaint as its read shows it now, under the instant of its last event. */
    private void seen(String complaint, Map<String, JsonNode> seen) {
        JsonNode history = expect(call(HttpMethod.GET, AUDITOR, complaint + "/history", null), 200);
        seen.put(history.get(history.size() - 1).get("occurredAt").asText(),
                expect(call(HttpMethod.GET, AUDITOR, complaint, null), 200));
    }

    @Test
    @DisplayName("A4 a record of each kind as of its last event is the live read; S5 the enquirer's phone is masked "
            + "as it was")
    void asOfNowIsLiveForEveryKind() {
        Map<String, String> ids = new LinkedHashMap<>();
        String complaint = expect(call(HttpMethod.POST, DESK, "/api/complaints", Complaints.phoneCall("态度")), 201)
                .get("id").asText();
        expect(call(HttpMethod.POST, AFTER_SALES, "/api/complaints/" + complaint + "/escalate",
                Map.of("reason", "重复投诉")), 200);
        ids.put("complaints", complaint);
        String enquiry = expect(call(HttpMethod.POST, DESK, "/api/enquiries", Map.of("channel", "PHONE",
                "stage", "AFTER_SALE", "customerName", "李明", "customerPhone", "13900000000",
                "question", "发票怎么开?")), 201).get("id").asText();
        expect(call(HttpMethod.POST, DESK, "/api/enquiries/" + enquiry + "/answer", Map.of("answer", "一楼服务台")),
                200);
        ids.put("enquiries", enquiry);
        String contact = expect(call(HttpMethod.POST, DESK, "/api/enquiries/tenant-contacts", Map.of("tenant",
                "1508 某贸易公司", "enquirerName", "Иван Петров", "enquirerPhone", "+79001234567",
                "purpose", "想谈合作")), 201).get("id").asText();
        String contactPath = "/api/enquiries/tenant-contacts/" + contact;
        await().atMost(Duration.ofSeconds(20)).until(() -> call(HttpMethod.GET, DESK, contactPath, null)
                .getStatusCode().value() == 200);
        JsonNode contactHistory = expect(call(HttpMethod.GET, AUDITOR, contactPath + "/history", null), 200);
        String requestedAt = contactHistory.get(contactHistory.size() - 1).get("occurredAt").asText();
        expect(call(HttpMethod.POST, DESK, contactPath + "/notified", Map.of("how", "电话")), 200);
        ids.put("tenant-contact-requests", contact);
        String proposal = expect(call(HttpMethod.POST, AFTER_SALES, "/api/reports/complaints/proposals",
                Map.of("period", clock.today().toString().substring(0, 7), "title", "回访", "proposal", "每月回访")),
                201).get("id").asText();
        ids.put("improvement-proposals", proposal);

        for (var kind : ids.entrySet()) {
            AuditedRecordsChecks.asOfNowIsLive("complaint", kind.getKey(), kind.getValue(),
                    path -> call(HttpMethod.GET, AUDITOR, path, null));
        }

        JsonNode requested = expect(call(HttpMethod.GET, AUDITOR, contactPath + "?asOf=" + requestedAt, null), 200);
        assertThat(requested.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(requested.toString()).doesNotContain("+79001234567").contains("+79****4567");
        JsonNode enquiryThen = expect(call(HttpMethod.GET, AUDITOR, "/api/enquiries/" + enquiry + "?asOf="
                + expect(call(HttpMethod.GET, AUDITOR, "/api/enquiries/" + enquiry + "/history", null), 200)
                .get(0).get("occurredAt").asText(), null), 200);
        assertThat(enquiryThen.get("events").size()).isLessThan(expect(call(HttpMethod.GET, AUDITOR,
                "/api/enquiries/" + enquiry, null), 200).get("events").size());
        assertThat(enquiryThen.toString()).doesNotContain("13900000000");
    }
}
