package com.kefu.complaint.web;

import com.kefu.complaint.command.Complaint;
import com.kefu.complaint.command.Enquiry;
import com.kefu.complaint.command.ImprovementProposal;
import com.kefu.complaint.command.TenantContactRequest;
import com.kefu.complaint.query.ComplaintQueries;
import com.kefu.complaint.query.ComplaintReports;
import com.kefu.complaint.query.EnquiryQueries;
import com.kefu.complaint.query.TenantContacts;
import com.kefu.platform.axon.AuditedRecords;
import com.kefu.platform.axon.EventHistory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static com.kefu.platform.axon.AuditedRecords.kind;

/** The service's kinds of record for auditors (A4): every aggregate, with the read its {@code GET} by id answers. */
@Configuration(proxyBeanMethods = false)
class AuditedRecordsConfiguration {

    @Bean
    AuditedRecords auditedRecords(ComplaintQueries complaints, EnquiryQueries enquiries, EventHistory history,
                                  TenantContacts contacts, ComplaintReports reports) {
        return AuditedRecords.of(
                kind("complaints", Complaint.class, List.of("FRONT_DESK", "AFTER_SALES", "CS_HEAD", "CS_MANAGER",
                        "SUPERVISOR", "AUDITOR", "DEPARTMENT"), complaints::find),
                kind("enquiries", Enquiry.class, List.of("FRONT_DESK", "AFTER_SALES", "CS_HEAD", "CS_MANAGER",
                        "SUPERVISOR", "AUDITOR"), id -> EnquiryController.detail(id, history, enquiries)),
                kind("tenant-contact-requests", TenantContactRequest.class, List.of("FRONT_DESK", "AFTER_SALES",
                        "CS_HEAD", "CS_MANAGER", "SUPERVISOR", "AUDITOR"), contacts::find),
                kind("improvement-proposals", ImprovementProposal.class, List.of("AFTER_SALES", "CS_HEAD",
                        "SUPERVISOR", "AUDITOR"), reports::proposal));
    }
}
