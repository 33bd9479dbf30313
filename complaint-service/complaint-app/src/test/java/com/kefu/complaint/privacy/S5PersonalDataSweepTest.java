package com.kefu.complaint.privacy;

import com.kefu.complaint.Complaints;
import com.kefu.complaint.api.ComplaintTopics;
import com.kefu.platform.test.PersonalDataSweepTest;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.util.HashMap;
import java.util.Map;

import static com.kefu.platform.test.PersonalDataSweep.distinct;
import static com.kefu.platform.test.PersonalDataSweep.newPhone;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * S5 over the whole of complaint-service: a complaint's customer, an enquiry's customer and an enquirer after a
 * tenant's number, each with distinctive values, read by every GET endpoint as every role with the id of every kind
 * of record in every path: in clear only from the contact reads (S1, S2), and no endpoint serves two kinds of record;
 * on complaint.events and in the logs (at DEBUG) never.
 */
class S5PersonalDataSweepTest extends PersonalDataSweepTest {

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");

    @Test
    @DisplayName("S5 PD1 PD2 PD3 S1 S2 every GET of complaint-service as every role with every kind of record's id: the customers "
            + "of complaints and enquiries and the enquirers after a tenant's number in clear only from the contact "
            + "reads, each endpoint serves its own kind of record only; never on complaint.events or in a log line")
    void personalDataInClearOnlyFromTheContactReads() {
        String customer = distinct("欧阳娜娜");
        String customerPhone = newPhone("136");
        String enquiryCustomer = distinct("Мария Соколова");
        String enquiryPhone = newPhone("135");
        String enquirer = distinct("Сергей Волков");
        String enquirerPhone = newPhone("139");

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
                today().toString().substring(0, 7), "title", "S5", "proposal", "每月回访"));

        // the defect the sweep was written for: a tenant-contact request's enquirer read through a complaint's history
        for (String path : new String[] {"/history", "/form", "?asOf=" + clock.instant().plusSeconds(60),
                "/contact?reason=x"}) {
            var answer = api().get().uri("/api/complaints/" + tenantContact + path)
                    .header(HttpHeaders.AUTHORIZATION, AFTER_SALES).retrieve().toEntity(String.class);
            assertThat(answer.getStatusCode().value()).as(path).isEqualTo(404);
            assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        }

        int requests = sweep()
                .name(customer).phone(customerPhone)
                .name(enquiryCustomer).phone(enquiryPhone)
                .name(enquirer).phone(enquirerPhone)
                .record("Complaint", complaint).record("Enquiry", enquiry)
                .record("TenantContactRequest", tenantContact).record("ImprovementProposal", proposal)
                .pathValues("security")
                .contactRead("GET /api/complaints/{id}/contact")
                .contactRead("GET /api/enquiries/{id}/contact")
                .contactRead("GET /api/enquiries/tenant-contacts/{id}/contact")
                .topic(ComplaintTopics.EVENTS, enquiry, complaint)
                .assertEverywhere();
        assertThat(requests).isGreaterThan(500);
    }
}
