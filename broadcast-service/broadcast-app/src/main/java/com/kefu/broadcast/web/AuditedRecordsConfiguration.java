package com.kefu.broadcast.web;

import com.kefu.broadcast.command.BroadcastPlan;
import com.kefu.broadcast.command.Emergency;
import com.kefu.broadcast.command.Equipment;
import com.kefu.broadcast.command.ProgrammeReview;
import com.kefu.broadcast.command.Script;
import com.kefu.broadcast.query.AiringQueries;
import com.kefu.broadcast.query.EquipmentQueries;
import com.kefu.broadcast.query.PlanQueries;
import com.kefu.broadcast.query.ReviewQueries;
import com.kefu.broadcast.query.ScriptQueries;
import com.kefu.platform.axon.AuditedRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import static com.kefu.platform.axon.AuditedRecords.kind;

/**
 * The service's kinds of record for auditors (A4): every aggregate, with the read its {@code GET} answers. A plan's
 * id names its day ({@code plan-2026-12-07}), a review's its programme ({@code review-早间新闻}); an emergency
 * announcement reads as the lines it aired.
 */
@Configuration(proxyBeanMethods = false)
class AuditedRecordsConfiguration {

    private static final List<String> READERS = List.of("BROADCASTER", "SUPERVISOR", "AUDITOR", "CS_HEAD");
    private static final String PLAN = "plan-";
    private static final String REVIEW = "review-";

    @Bean
    AuditedRecords auditedRecords(ScriptQueries scripts, PlanQueries plans, EquipmentQueries equipment,
                                  ReviewQueries reviews, AiringQueries airings) {
        return AuditedRecords.of(
                kind("scripts", Script.class, READERS, scripts::find),
                kind("plans", BroadcastPlan.class, READERS, id -> day(id).map(plans::of)),
                kind("equipment", Equipment.class, READERS, equipment::find),
                kind("programme-reviews", ProgrammeReview.class, READERS, id -> id.startsWith(REVIEW)
                        ? Optional.of(reviews.of(id.substring(REVIEW.length()))) : Optional.empty()),
                kind("emergencies", Emergency.class, READERS, id -> Optional.of(airings.ofEmergency(id))
                        .filter(lines -> !lines.isEmpty())));
    }

    private static Optional<LocalDate> day(String planId) {
        if (!planId.startsWith(PLAN)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(planId.substring(PLAN.length())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
