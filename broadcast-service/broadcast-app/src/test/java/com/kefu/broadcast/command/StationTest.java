package com.kefu.broadcast.command;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.broadcast.Scripts;
import com.kefu.broadcast.api.EmergencyAiredEvent;
import com.kefu.broadcast.api.Language;
import com.kefu.broadcast.command.Emergency.AirEmergencyCommand;
import com.kefu.broadcast.command.EquipmentCommands.ClearFaultCommand;
import com.kefu.broadcast.command.EquipmentCommands.RecordMaintenanceCommand;
import com.kefu.broadcast.command.EquipmentCommands.ReportFaultCommand;
import com.kefu.broadcast.command.PlanCommands.PlanSlotCommand;
import com.kefu.broadcast.command.PlanCommands.RemoveSlotCommand;
import com.kefu.broadcast.command.ProgrammeReview.RecordReviewNoteCommand;
import com.kefu.broadcast.event.EquipmentRegisteredEvent;
import com.kefu.broadcast.event.FaultClearedEvent;
import com.kefu.broadcast.event.FaultReportedEvent;
import com.kefu.broadcast.event.MaintenanceRecordedEvent;
import com.kefu.broadcast.event.ReviewNoteRecordedEvent;
import com.kefu.broadcast.event.SlotPlannedEvent;
import com.kefu.broadcast.event.SlotRemovedEvent;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan (B1), content review (B5), equipment (B6) and emergencies (B7), on their aggregates alone. */
class StationTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:30:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-26");
    private static final LocalTime TEN = LocalTime.of(10, 0);
    private static final String PLAN = PlanCommands.planId(TODAY);

    private static PlanSlotCommand slot(String slotId, LocalDate date, LocalTime time) {
        return new PlanSlotCommand(PlanCommands.planId(date), date, slotId, time, "PROMOTIONS", "s-1", "mixer",
                TODAY, "broadcaster", NOW);
    }

    private static SlotPlannedEvent planned(String slotId, LocalTime time) {
        return new SlotPlannedEvent(PLAN, TODAY, slotId, time, "PROMOTIONS", "s-1", "mixer", "broadcaster", NOW);
    }

    @Test
    @DisplayName("B1 a day's plan takes a slot with its time, programme and script; one slot per time")
    void plansSlots() {
        new AggregateTestFixture<>(BroadcastPlan.class)
                .givenNoPriorActivity()
                .when(slot("slot-1", TODAY, TEN))
                .expectEvents(planned("slot-1", TEN));
        new AggregateTestFixture<>(BroadcastPlan.class)
                .given(planned("slot-1", TEN))
                .when(slot("slot-2", TODAY, TEN))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the plan of 2026-11-26 has a slot at 10:00 already: remove it first, or pick "
                    + "another time (B1)");
        new AggregateTestFixture<>(BroadcastPlan.class)
                .given(planned("slot-1", TEN))
                .when(new RemoveSlotCommand(PLAN, "slot-1", "broadcaster", NOW))
                .expectEvents(new SlotRemovedEvent(PLAN, TODAY, "slot-1", "broadcaster", NOW))
                .expectState(state -> assertThat(state.slots()).isEmpty());
        new AggregateTestFixture<>(BroadcastPlan.class)
                .given(planned("slot-1", TEN))
                .when(new RemoveSlotCommand(PLAN, "slot-9", "broadcaster", NOW))
                .expectException(NotFound.class);
    }

    @Test
    @DisplayName("B1 a day gone by is not planned any more")
    void noPlanForThePast() {
        new AggregateTestFixture<>(BroadcastPlan.class)
                .givenNoPriorActivity()
                .when(slot("slot-1", TODAY.minusDays(1), TEN))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("B5 review notes are kept per programme; the latest verdict stands")
    void reviewNotes() {
        String id = ProgrammeReview.reviewId("PROMOTIONS");
        new AggregateTestFixture<>(ProgrammeReview.class)
                .given(new ReviewNoteRecordedEvent(id, "PROMOTIONS", "n-1", "NEEDS_CHANGES", "prices are missing",
                        null, null, "supervisor", NOW))
                .when(new RecordReviewNoteCommand(id, "PROMOTIONS", "n-2", ReviewVerdict.SOUND, "prices added",
                      "s-1", 2, "broadcaster", NOW))
                .expectEvents(new ReviewNoteRecordedEvent(id, "PROMOTIONS", "n-2", "SOUND", "prices added", "s-1", 2,
                      "broadcaster", NOW))
                .expectState(state -> assertThat(state.verdict()).isEqualTo(ReviewVerdict.SOUND));
        new AggregateTestFixture<>(ProgrammeReview.class)
                .givenNoPriorActivity()
                .when(new RecordReviewNoteCommand(id, "PROMOTIONS", "n-3", ReviewVerdict.SOUND, "fine", null, 2,
                      "broadcaster", NOW))
                .expectException(InvalidRequest.class);
    }

    @Test
    @DisplayName("B6 maintenance is recorded with who did it and when; a fault is open until cleared, once")
    void equipment() {
        var registered = new EquipmentRegisteredEvent("mixer", "调音台 mixer", "广播站", "broadcaster", NOW);
        Instant yesterday = NOW.minusSeconds(86_400);
        new AggregateTestFixture<>(Equipment.class)
                .given(registered)
                .when(new RecordMaintenanceCommand("mixer", "m-1", "cleaned the faders", "technician", yesterday,
                         "broadcaster", NOW))
                .expectEvents(new MaintenanceRecordedEvent("mixer", "m-1", "cleaned the faders", "technician",
                         yesterday, "broadcaster", NOW));
        new AggregateTestFixture<>(Equipment.class)
                .given(registered)
                .when(new RecordMaintenanceCommand("mixer", "m-2", "later", "technician", NOW.plusSeconds(3600),
                         "broadcaster", NOW))
                .expectException(InvalidRequest.class);
        var fault = new FaultReportedEvent("mixer", "f-1", "channel 2 hums", "broadcaster", NOW);
        new AggregateTestFixture<>(Equipment.class)
                .given(registered)
                .when(new ReportFaultCommand("mixer", "f-1", "channel 2 hums", "broadcaster", NOW))
                .expectEvents(fault)
                .expectState(state -> assertThat(state.openFaults()).containsExactly("f-1"));
        var cleared = new FaultClearedEvent("mixer", "f-1", "cable replaced", "broadcaster", NOW);
        new AggregateTestFixture<>(Equipment.class)
                .given(registered, fault)
                .when(new ClearFaultCommand("mixer", "f-1", "cable replaced", "broadcaster", NOW))
                .expectEvents(cleared)
                .expectState(state -> assertThat(state.openFaults()).isEmpty());
        new AggregateTestFixture<>(Equipment.class)
                .given(registered, fault, cleared)
                .when(new ClearFaultCommand("mixer", "f-1", "again", "broadcaster", NOW))
                .expectException(RuleViolation.class);
        new AggregateTestFixture<>(Equipment.class)
                .given(registered)
                .when(new ClearFaultCommand("mixer", "f-9", "none", "broadcaster", NOW))
                .expectException(NotFound.class);
    }

    @Test
    @DisplayName("B7 an emergency template airs at once in Chinese then Russian; a template missing a language does not")
    void emergency() {
        String id = Emergency.emergencyIdFor("i-1");
        new AggregateTestFixture<>(Emergency.class)
                .givenNoPriorActivity()
                .when(new AirEmergencyCommand(id, "FIRE_EVACUATION", "火警疏散", Scripts.TEXT_ZH, Scripts.TEXT_RU,
                         "i-1", "fire at B1", "system:emergency", NOW))
                .expectEvents(new EmergencyAiredEvent(id, "FIRE_EVACUATION", "火警疏散", Scripts.TEXT_ZH,
                         Scripts.TEXT_RU, List.of(Language.ZH, Language.RU), "i-1", "fire at B1", "system:emergency",
                         NOW));
        new AggregateTestFixture<>(Emergency.class)
                .givenNoPriorActivity()
                .when(new AirEmergencyCommand(id, "FIRE_EVACUATION", "火警疏散", Scripts.TEXT_ZH, null, "i-1", null,
                         "system:emergency", NOW))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
