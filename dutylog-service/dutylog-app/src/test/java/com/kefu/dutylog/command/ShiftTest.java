package com.kefu.dutylog.command;

import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.EntryCorrectedEvent;
import com.kefu.dutylog.api.EntryRecordedEvent;
import com.kefu.dutylog.api.HandoverItem;
import com.kefu.dutylog.api.Instruction;
import com.kefu.dutylog.api.MattersCarriedOverEvent;
import com.kefu.dutylog.api.OpenMatter;
import com.kefu.dutylog.api.Preparation;
import com.kefu.dutylog.api.ShiftHandedOverEvent;
import com.kefu.dutylog.api.ShiftOpenedEvent;
import com.kefu.platform.web.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

class ShiftTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    private static final Preparation PREPARED = new Preparation(true, true, true);
    private static final List<HandoverItem> ITEMS = List.of(new HandoverItem("对讲机 / рация", 3, true));
    private static final List<OpenMatter> MATTERS = List.of(new OpenMatter("3楼漏水", "水管老化", "已关阀门", "等配件"));
    private static final List<Instruction> INSTRUCTIONS = List.of(new Instruction("主管", "明早检查消防通道"));
    private AggregateTestFixture<Shift> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Shift.class);
    }

    private static ShiftOpenedEvent opened() {
        return new ShiftOpenedEvent("s-1", "front-desk", DAY, "desk", NOW);
    }

    private static EntryRecordedEvent water() {
        return new EntryRecordedEvent("s-1", "e-1", NOW, EntryCategory.WATER, "3楼漏水", "通知工程部", "已修复", null,
                "desk", NOW.plusSeconds(60));
    }

    private static HandOverShiftCommand handover(Preparation preparation, boolean fit, String substitute,
                                                 List<HandoverItem> items, List<String> emergencies) {
        return new HandOverShiftCommand("s-1", "desk", "night", fit, substitute, preparation, items, MATTERS,
                INSTRUCTIONS, emergencies, NOW.plusSeconds(3600));
    }

    private static ShiftHandedOverEvent handedOver() {
        return new ShiftHandedOverEvent("s-1", "desk", "night", true, null, PREPARED, ITEMS, MATTERS, INSTRUCTIONS,
                NOW.plusSeconds(3600));
    }

    @Test
    @DisplayName("D1 opening a shift starts a new page with its date")
    void opens() {
        fixture.givenNoPriorActivity()
               .when(new OpenShiftCommand("s-1", "front-desk", DAY, "desk", NOW))
               .expectEvents(new ShiftOpenedEvent("s-1", "front-desk", DAY, "desk", NOW));
    }

    @Test
    @DisplayName("D1 a new page carries over the open matters and instructions the previous shift handed over")
    void carriesOver() {
        fixture.givenNoPriorActivity()
               .when(new OpenShiftCommand("s-2", "front-desk", DAY, "night", NOW, "s-1", MATTERS, INSTRUCTIONS))
               .expectEvents(new ShiftOpenedEvent("s-2", "front-desk", DAY, "night", NOW),
                       new MattersCarriedOverEvent("s-2", "s-1", MATTERS, INSTRUCTIONS));
    }

    @Test
    @DisplayName("D2 an entry records when, what, how it was handled and the outcome")
    void recordsEntries() {
        fixture.given(opened())
               .when(new RecordEntryCommand("s-1", "e-1", NOW, EntryCategory.WATER, "3楼漏水", "通知工程部",
                       "已修复", null, "desk", NOW.plusSeconds(60)))
               .expectEvents(water());
    }

    @Test
    @DisplayName("D11 calls that waited for the shift enter it together, each an entry of its own; not once it was "
            + "handed over")
    void takesWaitingCalls() {
        RecordEntryCommand first = call("e-1", "KF-202611-00001", "desk");
        RecordEntryCommand second = call("e-2", "KF-202611-00002", "night");
        fixture.given(opened())
               .when(new RecordCallsCommand("s-1", List.of(first, second)))
               .expectEvents(recorded(first), recorded(second));
        fixture.given(opened(), handedOver())
               .when(new RecordCallsCommand("s-1", List.of(first)))
               .expectNoEvents()
               .expectException(RuleViolation.class);
    }

    private static RecordEntryCommand call(String entryId, String number, String receivedBy) {
        return new RecordEntryCommand("s-1", entryId, NOW, EntryCategory.COMPLAINT_CALL, "投诉来电 " + number,
                "registered in complaint-service as " + number, null, number, receivedBy, NOW.plusSeconds(5));
    }

    private static EntryRecordedEvent recorded(RecordEntryCommand entry) {
        return new EntryRecordedEvent("s-1", entry.entryId(), entry.occurredAt(), entry.category(),
                entry.description(), entry.handling(), entry.outcome(), entry.reference(), entry.recordedBy(),
                entry.recordedAt());
    }

    @Test
    @DisplayName("D3 a correction is a new entry pointing to the one it corrects, at that entry's time and category")
    void correctsByANewEntry() {
        fixture.given(opened(), water())
               .when(new CorrectEntryCommand("s-1", "e-2", "e-1", NOW, EntryCategory.WATER, "4楼漏水 (不是3楼)", null,
                       null, "desk", NOW.plusSeconds(120)))
               .expectEvents(new EntryCorrectedEvent("s-1", "e-2", "e-1", NOW, EntryCategory.WATER,
                       "4楼漏水 (不是3楼)", null, null, "desk", NOW.plusSeconds(120)));
    }

    @Test
    @DisplayName("D3 a page is corrected after its handover too (until its day is signed, which the desk checks)")
    void correctedAfterTheHandover() {
        fixture.given(opened(), water(), handedOver())
               .when(new CorrectEntryCommand("s-1", "e-2", "e-1", NOW, EntryCategory.WATER, "4楼", null, null, "desk",
                       NOW.plusSeconds(7200)))
               .expectEvents(new EntryCorrectedEvent("s-1", "e-2", "e-1", NOW, EntryCategory.WATER, "4楼", null, null,
                       "desk", NOW.plusSeconds(7200)));
    }

    @Test
    @DisplayName("D6 a prepared handover with both signatures, open matters, instructions and checked items "
            + "closes the shift")
    void handsOver() {
        fixture.given(opened(), water())
               .when(handover(PREPARED, true, null, ITEMS, List.of()))
               .expectEvents(handedOver());
    }

    @Test
    @DisplayName("D7 an unfit incoming person may be replaced by a named substitute, who takes over")
    void substituteTakesOver() {
        fixture.given(opened())
               .when(handover(PREPARED, false, "backup", ITEMS, List.of()))
               .expectEvents(new ShiftHandedOverEvent("s-1", "desk", "night", false, "backup", PREPARED, ITEMS,
                       MATTERS, INSTRUCTIONS, NOW.plusSeconds(3600)));
    }

    @Test
    @DisplayName("D7 handover is refused with every reason: unresolved emergencies, preparation, unchecked items, "
            + "unfit incoming")
    void refusedWithEveryReason() {
        HandOverShiftCommand unready = handover(new Preparation(false, true, false), false, null,
                List.of(new HandoverItem("钥匙", 2, false)),
                List.of("major incident i-1 (FIRE at B1)", "MAJOR complaint KF-202611-00042"));
        fixture.given(opened())
               .when(unready)
               .expectNoEvents()
               .expectException(HandoverRefused.class)
               .expectExceptionMessage(containsString("major incident i-1"));
        assertThat(unready.refusals()).hasSize(6)
                .anyMatch(reason -> reason.contains("major incident i-1"))
                .anyMatch(reason -> reason.contains("MAJOR complaint KF-202611-00042"))
                .anyMatch(reason -> reason.contains("records have not been read"))
                .anyMatch(reason -> reason.contains("equipment has not been checked"))
                .anyMatch(reason -> reason.contains("'钥匙'"))
                .anyMatch(reason -> reason.contains("unfit for duty and no substitute"));
    }

    @Test
    @DisplayName("D8 a shift stays open until it is handed over; after that it takes no entry and no second handover")
    void closedByTheHandover() {
        fixture.given(opened(), handedOver())
               .when(new RecordEntryCommand("s-1", "e-3", NOW, EntryCategory.OTHER, "late", null, null, null, "desk",
                       NOW.plusSeconds(4000)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("has been handed over"));
        fixture.given(opened(), handedOver())
               .when(handover(PREPARED, true, null, ITEMS, List.of()))
               .expectException(RuleViolation.class);
    }
}
