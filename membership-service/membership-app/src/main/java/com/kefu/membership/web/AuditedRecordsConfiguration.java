package com.kefu.membership.web;

import com.kefu.membership.command.Campaign;
import com.kefu.membership.command.Member;
import com.kefu.membership.command.ServiceRequest;
import com.kefu.membership.query.MemberQueries;
import com.kefu.platform.axon.AuditedRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static com.kefu.platform.axon.AuditedRecords.kind;

/**
 * The service's kinds of record for auditors (A4): every aggregate, with the read its {@code GET} by id answers (a
 * member's with their points, gifts and requests, as {@link MemberReadController} shows it).
 */
@Configuration(proxyBeanMethods = false)
class AuditedRecordsConfiguration {

    private static final List<String> DESK = List.of("FRONT_DESK", "AFTER_SALES", "CS_HEAD", "CS_MANAGER", "AUDITOR");

    @Bean
    AuditedRecords auditedRecords(MemberQueries queries) {
        return AuditedRecords.of(
                kind("members", Member.class, DESK, id -> queries.record(id).map(MemberReadController.Detail::of)),
                kind("campaigns", Campaign.class, DESK, queries::campaign),
                kind("service-requests", ServiceRequest.class, DESK, queries::serviceRequest));
    }
}
