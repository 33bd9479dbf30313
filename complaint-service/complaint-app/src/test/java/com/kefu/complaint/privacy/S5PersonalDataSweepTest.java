package com.kefu.complaint.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.complaint.Complaints;
import com.kefu.complaint.api.ComplaintTopics;
import com.kefu.platform.privacy.Masking;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.PersonalDataSweep;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import com.kefu.platform.test.Topics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S5 over the whole of complaint-service: a complaint's customer, an enquiry's customer and an enquirer after a
 * tenant's number, each with distinctive values, read by every GET endpoint as every role with the id of every kind
 * of record in every path: in clear only from the contact reads (S1, S2), and no endpoint serves two kinds of record;
 * on complaint.events and in the logs (at DEBUG) never.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.com.kefu=DEBUG", "logging.level.org.axonframework=DEBUG"})
class S5PersonalDataSweepTest extends ServiceTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");

    @Autowired
    private ApplicationContext context;

    @Autowired
    private MutableClock clock;

    private String post(String token, String path, Object body) {
        var answer = api().post().uri(path).header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + " " + answer.getBody()).isTrue();
        return answer.getBody().path("id").asText();
    }

    private static String distinct(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 4);
    }

    private static String phone(String prefix) {
        return prefix + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    @Test
    @DisplayName("S5 PD1 PD2 PD3 S1 S2 every GET of complaint-service as every role with every kind of record's id: the customers "
            + "of complaints and enquiries and the enquirers after a tenant's number in clear only from the contact "
            + "reads, each endpoint serves its own kind of record only; never on complaint.events or in a log line")
    void personalDataInClearOnlyFromTheContactReads(CapturedOutput logs) {
        String customer = distinct("欧阳娜娜");
        String customerPhone = phone("136");
        String enquiryCustomer = distinct("Мария Соколова");
        String enquiryPhone = phone("135");
        String enquirer = distinct("Сергей Волков");
        String enquirerPhone = phone("139");

        Map<String, Object> body = new HashMap<>(Complaints.phoneCall("S5 sweep"));
        body.put("customer", Map.of("name", customer, "phone", customerPhone));
        String complaint = post(DESK, "/api/complaints", body);
        // assigned to the department the sweep's DEPARTMENT user belongs to, so that it reads the complaint too
        post(AFTER_SALES, "/api/complaints/" + complaint + "/assign", Map.of("department", "security"));
        String enquiry = post(DESK, "/api/enquiries", Map.of("channel", "PHONE", "stage", "AFTER_SALE",
                "customerName", enquiryCustomer, "customerPhone", enquiryPhone, "question", "发票? / Счёт?"));
        String tenantContact = post(DESK, "/api/enquiries/tenant-contacts", Map.of("tenant", "1508 某贸易公司",
                "enquirerName", enquirer, "enquirerPhone", enquirerPhone, "purpose", "想谈合作"));
        String proposal = post(AFTER_SALES, "/api/reports/complaints/proposals", Map.of("period",
                LocalDate.now(clock.withZone(MutableClock.MALL)).toString().substring(0, 7), "title", "S5",
                "proposal", "每月回访"));

        // the defect the sweep was written for: a tenant-contact request's enquirer read through a complaint's history
        for (String path : new String[] {"/history", "/form", "?asOf=" + clock.instant().plusSeconds(60),
                "/contact?reason=x"}) {
            var answer = api().get().uri("/api/complaints/" + tenantContact + path)
                    .header(HttpHeaders.AUTHORIZATION, AFTER_SALES).retrieve().toEntity(String.class);
            assertThat(answer.getStatusCode().value()).as(path).isEqualTo(404);
            assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        }

        int requests = PersonalDataSweep.of(context, port)
                .personal(customer, Masking.name(customer))
                .personal(customerPhone, Masking.phone(customerPhone))
                .personal(enquiryCustomer, Masking.name(enquiryCustomer))
                .personal(enquiryPhone, Masking.phone(enquiryPhone))
                .personal(enquirer, Masking.name(enquirer))
                .personal(enquirerPhone, Masking.phone(enquirerPhone))
                .record("Complaint", complaint).record("Enquiry", enquiry)
                .record("TenantContactRequest", tenantContact).record("ImprovementProposal", proposal)
                .pathValues("security")
                .contactRead("GET /api/complaints/{id}/contact")
                .contactRead("GET /api/enquiries/tenant-contacts/{id}/contact")
                .at(clock.instant().plusSeconds(60), LocalDate.now(clock.withZone(MutableClock.MALL)))
                .assertNoClearValueOutsideContactReads();
        assertThat(requests).isGreaterThan(500);

        Topics.awaitRecord(ComplaintTopics.EVENTS, enquiry);
        Topics.awaitRecord(ComplaintTopics.EVENTS, complaint);
        PersonalDataSweep sweep = PersonalDataSweep.of(context, port)
                .personal(customer, "").personal(customerPhone, "").personal(enquiryCustomer, "")
                .personal(enquiryPhone, "").personal(enquirer, "").personal(enquirerPhone, "");
        sweep.assertNotOnTopic(ComplaintTopics.EVENTS);
        assertThat(logs.getAll()).contains("DEBUG").contains("o.a.");
        sweep.assertNotIn("complaint-service's log", logs.getAll());
    }
}
