package com.kefu.dutylog.web;

import com.kefu.dutylog.command.Badge;
import com.kefu.dutylog.command.DutyDay;
import com.kefu.dutylog.command.Incident;
import com.kefu.dutylog.command.LostItem;
import com.kefu.dutylog.command.Parcel;
import com.kefu.dutylog.command.RepairOrder;
import com.kefu.dutylog.command.Round;
import com.kefu.dutylog.command.Shift;
import com.kefu.dutylog.command.Task;
import com.kefu.dutylog.command.Visit;
import com.kefu.dutylog.query.DutyDayQueries;
import com.kefu.dutylog.query.IncidentQueries;
import com.kefu.dutylog.query.LostItemQueries;
import com.kefu.dutylog.query.ParcelQueries;
import com.kefu.dutylog.query.RoundQueries;
import com.kefu.dutylog.query.ShiftQueries;
import com.kefu.dutylog.query.TaskQueries;
import com.kefu.dutylog.query.VisitorQueries;
import com.kefu.platform.axon.AuditedRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import static com.kefu.platform.axon.AuditedRecords.kind;

/**
 * The service's kinds of record for auditors (A4): every aggregate, with the read its {@code GET} by id answers. A duty
 * day's id names its date ({@code duty-day-2026-12-07}), a badge's its number ({@code badge-17}).
 */
@Configuration(proxyBeanMethods = false)
class AuditedRecordsConfiguration {

    private static final List<String> READERS = List.of("FRONT_DESK", "AFTER_SALES", "CS_HEAD", "CS_MANAGER",
            "SUPERVISOR", "AUDITOR");
    private static final List<String> REPAIR_READERS = List.of("FRONT_DESK", "AFTER_SALES", "CS_HEAD", "CS_MANAGER",
            "SUPERVISOR", "AUDITOR", "DEPARTMENT");
    private static final String DUTY_DAY = "duty-day-";

    @Bean
    AuditedRecords auditedRecords(ShiftQueries shifts, IncidentQueries incidents, RoundQueries rounds,
                                  TaskQueries tasks, ParcelQueries parcels, LostItemQueries lostItems,
                                  VisitorQueries visitors, DutyDayQueries dutyDays) {
        return AuditedRecords.of(
                kind("shifts", Shift.class, READERS, shifts::find),
                kind("incidents", Incident.class, READERS, incidents::find),
                kind("rounds", Round.class, READERS, rounds::find),
                kind("repair-orders", RepairOrder.class, REPAIR_READERS, rounds::repairOrder),
                kind("tasks", Task.class, READERS, tasks::find),
                kind("parcels", Parcel.class, READERS, parcels::find),
                kind("lost-items", LostItem.class, READERS, lostItems::find),
                kind("visitors", Visit.class, READERS, visitors::find),
                kind("badges", Badge.class, READERS, visitors::badge),
                kind("duty-days", DutyDay.class, READERS, id -> day(id).map(dutyDays::find)));
    }

    private static Optional<LocalDate> day(String dutyDayId) {
        if (!dutyDayId.startsWith(DUTY_DAY)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(dutyDayId.substring(DUTY_DAY.length())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
