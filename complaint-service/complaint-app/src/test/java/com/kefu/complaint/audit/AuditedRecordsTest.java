package com.kefu.complaint.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.kefu.complaint.Complaints;
import com.kefu.complaint.query.ComplaintQueries;
import com.kefu.complaint.query.ComplaintReplay;
import com.kefu.complaint.query.ComplaintView;
import com.kefu.platform.axon.AuditedRecords;
import com.kefu.platform.axon.RecordsAsOf;
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
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A4 every record of the complaint service has its history and its view as it was, through the platform's one
 * mechanism; for complaints it answers what the fold written for them ({@link ComplaintReplay}) answered, at every
 * event of a complaint's life.
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
    RecordsAsOf asOf;

    @Autowired
    ComplaintReplay replay;

    @Autowired
    ComplaintQueries complaints;

    @Autowired
    MutableClock clock;

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    @DisplayName("A4 every aggregate of the service is a kind of auditable record")
    void everyAggregateIsAKind() {
        AuditedRecordsChecks.everyAggregateIsAKind(records, "com.kefu.complaint");
    }

    @Test
    @DisplayName("A4 C13 a complaint as it was, at each of its events, is what the fold of its events gave")
    void complaintAsItWasEqualsTheFold() {
        String c = "/api/complaints/" + expect(call(HttpMethod.POST, DESK, "/api/complaints",
                Complaints.phoneCall("漏水")), 201).get("id").asText();
        expect(call(HttpMethod.POST, AFTER_SALES, c + "/escalate", Map.of("reason", "涉及安全")), 200);
        expect(call(HttpMethod.POST, HEAD, c + "/assign", Map.of("department", "engineering")), 200);
        expect(call(HttpMethod.POST, ENGINEERING, c + "/acknowledge", Map.of("note", "收到")), 200);
        expect(call(HttpMethod.POST, ENGINEERING, c + "/resolve", Map.of("result", "已修")), 200);
        expect(call(HttpMethod.POST, AFTER_SALES, c + "/follow-up", Map.of("reached", true, "satisfaction", 2,
                "comment", "还漏")), 200);
        clock.advance(Duration.ofHours(30));
        expect(call(HttpMethod.POST, ENGINEERING, c + "/acknowledge", Map.of()), 200);
        expect(call(HttpMethod.POST, ENGINEERING, c + "/resolve", Map.of("result", "换了新管")), 200);
        expect(call(HttpMethod.POST, AFTER_SALES, c + "/follow-up", Map.of("reached", true, "satisfaction", 5)),
                200);
        expect(call(HttpMethod.POST, AFTER_SALES, c + "/archive", null), 200);
        String id = c.substring(c.lastIndexOf('/') + 1);

        JsonNode history = expect(call(HttpMethod.GET, AUDITOR, c + "/history", null), 200);
        Instant first = Instant.parse(history.get(0).get("occurredAt").asText());
        assertThat(asOf.of("Complaint", id, first.minusNanos(1000), complaints::find)).isEmpty();
        assertThat(replay.asOf(id, first.minusNanos(1000))).isEmpty();
        for (JsonNode event : history) {
            Instant at = Instant.parse(event.get("occurredAt").asText());
            Optional<ComplaintView> folded = replay.asOf(id, at);
            assertThat(folded).as("folded at " + event.get("type")).isPresent();
            Optional<ComplaintView> rebuilt = asOf.of("Complaint", id, at, complaints::find);
            assertThat(rebuilt).as("as it was after " + event.get("type")).isPresent();
            // the fold keeps the events' instants to the nanosecond; the view's columns (timestamptz) to the
            // microsecond, rounded: the same instants, told as PostgreSQL keeps them
            assertThat(micros(json.valueToTree(rebuilt.get())))
                    .as("as it was after " + event.get("type")).isEqualTo(micros(json.valueToTree(folded.get())));
        }
        assertThat(asOf.of("Complaint", id, Instant.parse("2999-01-01T00:00:00Z"), complaints::find))
                .isEqualTo(complaints.find(id));
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

    /** {@code view} with every instant in it rounded to the microsecond, as PostgreSQL keeps a timestamptz. */
    private static JsonNode micros(JsonNode view) {
        JsonNode copy = view.deepCopy();
        round(copy);
        return copy;
    }

    private static void round(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                JsonNode value = field.getValue();
                if (value.isTextual() && INSTANT.matcher(value.asText()).matches()) {
                    Instant instant = Instant.parse(value.asText());
                    long micros = Math.round(instant.getNano() / 1000.0);
                    object.put(field.getKey(), instant.truncatedTo(ChronoUnit.SECONDS).plusNanos(micros * 1000)
                            .toString());
                } else {
                    round(value);
                }
            });
        } else if (node != null && node.isArray()) {
            node.forEach(AuditedRecordsTest::round);
        }
    }

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
}
