package com.kefu.broadcast.query;

import com.kefu.broadcast.query.EquipmentQueries.EquipmentSummary;
import com.kefu.broadcast.query.RecurringSlots.RecurringSlot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A day's broadcast plan (B1): its own slots and the recurring ones, in time order, each flagged with every reason
 * it cannot air as planned. A slot is never dropped for it: the broadcaster sees it and acts.
 * Flags: NO_SCRIPT, UNKNOWN_SCRIPT, SCRIPT_NOT_APPROVED, SCRIPT_WITHDRAWN, SCRIPT_NOT_YET_VALID, SCRIPT_EXPIRED
 * (B3, B4); PROGRAMME_NEEDS_CHANGES (B5); UNKNOWN_EQUIPMENT, EQUIPMENT_FAULT (B6).
 */
@Component
public class PlanQueries {

    /**
     * {@code airableVersion}: the version that would air; {@code pendingVersion}: a later version waiting for
     * approval, which does not air until it is approved.
     */
    public record Slot(String slotId, LocalTime time, String programme, boolean recurring, String scriptId,
                       String title, String scriptStatus, Integer airableVersion, Integer pendingVersion,
                       String equipmentId, String equipmentStatus, List<String> flags) {
    }

    public record Plan(LocalDate date, int flagged, List<Slot> slots) {
    }

    private record Planned(String slotId, LocalTime time, String programme, boolean recurring, String scriptId,
                           String equipmentId) {
    }

    private final JdbcTemplate jdbc;
    private final ScriptQueries scripts;
    private final EquipmentQueries equipment;
    private final ReviewQueries reviews;
    private final RecurringSlots recurring;

    PlanQueries(JdbcTemplate jdbc, ScriptQueries scripts, EquipmentQueries equipment, ReviewQueries reviews,
                RecurringSlots recurring) {
        this.jdbc = jdbc;
        this.scripts = scripts;
        this.equipment = equipment;
        this.reviews = reviews;
        this.recurring = recurring;
    }

    public Plan of(LocalDate date) {
        List<Planned> planned = new ArrayList<>(jdbc.query(
                "select * from plan_slot where plan_date = ?", (rs, row) -> new Planned(rs.getString("slot_id"),
                        rs.getTime("slot_time").toLocalTime(), rs.getString("programme"), false,
                        rs.getString("script_id"), rs.getString("equipment_id")), Date.valueOf(date)));
        for (RecurringSlot slot : recurring.list()) {
            planned.add(new Planned(slot.id(), slot.time(), slot.programme(), true, slot.scriptId(),
                    slot.equipmentId()));
        }
        planned.sort(Comparator.comparing(Planned::time).thenComparing(Planned::slotId));
        Map<String, Optional<String>> verdicts = new HashMap<>();
        List<Slot> slots = planned.stream().map(slot -> flag(slot, date,
                verdicts.computeIfAbsent(slot.programme(), reviews::verdict))).toList();
        return new Plan(date, (int) slots.stream().filter(slot -> !slot.flags().isEmpty()).count(), slots);
    }

    private Slot flag(Planned slot, LocalDate date, Optional<String> verdict) {
        List<String> flags = new ArrayList<>();
        Optional<ScriptView> script = slot.scriptId() == null ? Optional.empty() : scripts.find(slot.scriptId());
        if (slot.scriptId() == null) {
            flags.add("NO_SCRIPT");
        } else if (script.isEmpty()) {
            flags.add("UNKNOWN_SCRIPT");
        } else {
            String why = script.get().whyNotAirable(date);
            if (why != null) {
                flags.add(why);
            }
        }
        if (verdict.filter("NEEDS_CHANGES"::equals).isPresent()) {
            flags.add("PROGRAMME_NEEDS_CHANGES");
        }
        Optional<EquipmentSummary> device = slot.equipmentId() == null ? Optional.empty()
                : equipment.summary(slot.equipmentId());
        if (slot.equipmentId() != null && device.isEmpty()) {
            flags.add("UNKNOWN_EQUIPMENT");
        } else if (device.filter(d -> d.openFaults() > 0).isPresent()) {
            flags.add("EQUIPMENT_FAULT");
        }
        Integer airable = script.map(ScriptView::airableVersion).orElse(null);
        Integer pending = script.filter(s -> airable == null || s.version() > airable).map(ScriptView::version)
                .orElse(null);
        return new Slot(slot.slotId(), slot.time(), slot.programme(), slot.recurring(), slot.scriptId(),
                script.map(ScriptView::title).orElse(null), script.map(ScriptView::status).orElse(null), airable,
                pending, slot.equipmentId(), device.map(EquipmentSummary::status).orElse(null), List.copyOf(flags));
    }
}
