package com.kefu.dutylog.command;

import com.kefu.platform.rules.InvalidRequest;
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
import com.kefu.dutylog.command.HandoverCommands.AcceptHandoverCommand;
import com.kefu.dutylog.command.HandoverCommands.DeclineHandoverCommand;
import com.kefu.dutylog.event.HandoverAcceptedEvent;
import com.kefu.dutylog.event.HandoverDeclinedEvent;
import com.kefu.dutylog.event.HandoverProposedEvent;
import com.kefu.platform.rules.RuleViolation;
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

    /** The post's shift time: 16:00 in the mall (08:00Z), late after a quarter of an hour's grace. */
    private static final HandoverDue DUE = new HandoverDue(NOW.plusSeconds(8 * 3600),
            NOW.plusSeconds(8 * 3600 + 900));
    private static final Instant ON_TIME = NOW.plusSeconds(8 * 3600 - 300);
    private static final Instant LATE = NOW.plusSeconds(9 * 3600);

    private static ProposeHandoverCommand handover(Preparation preparation, boolean fit, String substitute,
                                                   List<HandoverItem> items, List<String> emergencies) {
        return new ProposeHandoverCommand("s-1", "desk", "night", fit, substitute, preparation, items, MATTERS,
                INSTRUCTIONS, emergencies, DUE, null, ON_TIME);
    }

    private static HandoverProposedEvent proposed() {
        return new HandoverProposedEvent("s-1", "desk", "night", true, null, PREPARED, ITEMS, MATTERS, INSTRUCTIONS,
                DUE.due(), false, null, ON_TIME);
    }

    private static ShiftHandedOverEvent handedOver() {
        return new ShiftHandedOverEvent("s-1", "desk", "night", true, null, PREPARED, ITEMS, MATTERS, INSTRUCTIONS,
                ON_TIME.plusSeconds(60));
    }

    private static AcceptHandoverCommand accept(String by, Instant at, String lateReason) {
        return new AcceptHandoverCommand("s-1", by, List.of(), DUE, lateReason, at);
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
    @DisplayName("D6 D15 a prepared handover with open matters, instructions and checked items is proposed by the "
            + "outgoing person; the shift stays open until the incoming person accepts it")
    void proposedByTheOutgoingPerson() {
        fixture.given(opened(), water())
               .when(handover(PREPARED, true, null, ITEMS, List.of()))
               .expectEvents(proposed());
        fixture.given(opened(), water(), proposed())
               .when(new RecordEntryCommand("s-1", "e-3", NOW, EntryCategory.OTHER, "still mine", null, null, null,
                       "desk", ON_TIME.plusSeconds(10)))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("D6 D15 the incoming person accepts under their own sign-in: both have signed, the shift is handed "
            + "over and closed")
    void acceptedByTheIncomingPerson() {
        fixture.given(opened(), water(), proposed())
               .when(accept("night", ON_TIME.plusSeconds(60), null))
               .expectEvents(new HandoverAcceptedEvent("s-1", "night", DUE.due(), false, null,
                       ON_TIME.plusSeconds(60)), handedOver());
    }

    @Test
    @DisplayName("D15 nobody but the person it was proposed to accepts or refuses it; nothing is accepted unproposed")
    void onlyTheIncomingPerson() {
        fixture.given(opened(), proposed())
               .when(accept("desk", ON_TIME.plusSeconds(60), null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("proposed to night: only they accept or refuse it"));
        fixture.given(opened(), proposed())
               .when(new DeclineHandoverCommand("s-1", "someone", "不是我的班", ON_TIME))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("proposed to night"));
        fixture.given(opened())
               .when(accept("night", ON_TIME.plusSeconds(60), null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("no handover of shift s-1 is proposed"));
    }

    @Test
    @DisplayName("D15 the incoming person refuses the handover naming why: recorded, the shift stays with the outgoing "
            + "person, and the refused proposal can no longer be accepted")
    void refusedByTheIncomingPerson() {
        fixture.given(opened(), proposed())
               .when(new DeclineHandoverCommand("s-1", "night", "对讲机少了一台 / не хватает рации", ON_TIME))
               .expectEvents(new HandoverDeclinedEvent("s-1", "night", "对讲机少了一台 / не хватает рации", ON_TIME));
        fixture.given(opened(), proposed())
               .when(new DeclineHandoverCommand("s-1", "night", " ", ON_TIME))
               .expectException(InvalidRequest.class);
        fixture.given(opened(), proposed(), new HandoverDeclinedEvent("s-1", "night", "少一台", ON_TIME))
               .when(accept("night", ON_TIME.plusSeconds(60), null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("no handover"));
    }

    @Test
    @DisplayName("D7 D15 an emergency reported between the proposal and the acceptance still refuses the handover")
    void emergencySinceTheProposal() {
        fixture.given(opened(), proposed())
               .when(new AcceptHandoverCommand("s-1", "night", List.of("major incident i-9 (FIRE at B1)"), DUE, null,
                       ON_TIME.plusSeconds(60)))
               .expectNoEvents()
               .expectException(HandoverRefused.class)
               .expectExceptionMessage(containsString("major incident i-9 (FIRE at B1) is not resolved yet (D7)"));
    }

    @Test
    @DisplayName("D15 a handover late against the post's shift time is recorded as late with its reason, and not "
            + "without one")
    void lateWithItsReason() {
        ProposeHandoverCommand late = new ProposeHandoverCommand("s-1", "desk", "night", true, null, PREPARED, ITEMS,
                MATTERS, INSTRUCTIONS, List.of(), DUE, null, LATE);
        fixture.given(opened())
               .when(late)
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("was due at " + DUE.due()));
        fixture.given(opened())
               .when(new ProposeHandoverCommand("s-1", "desk", "night", true, null, PREPARED, ITEMS, MATTERS,
                       INSTRUCTIONS, List.of(), DUE, "接班人堵车 / сменщик в пробке", LATE))
               .expectEvents(new HandoverProposedEvent("s-1", "desk", "night", true, null, PREPARED, ITEMS, MATTERS,
                       INSTRUCTIONS, DUE.due(), true, "接班人堵车 / сменщик в пробке", LATE));
        // proposed on time, accepted late: the incoming person says why
        fixture.given(opened(), proposed())
               .when(accept("night", LATE, null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("lateReason"));
        fixture.given(opened(), proposed())
               .when(accept("night", LATE, "地铁停运 / метро стояло"))
               .expectEvents(new HandoverAcceptedEvent("s-1", "night", DUE.due(), true, "地铁停运 / метро стояло", LATE),
                       new ShiftHandedOverEvent("s-1", "desk", "night", true, null, PREPARED, ITEMS, MATTERS,
                               INSTRUCTIONS, LATE));
    }

    @Test
    @DisplayName("D7 an unfit incoming person may be replaced by a named substitute, who accepts and takes over")
    void substituteTakesOver() {
        HandoverProposedEvent toSubstitute = new HandoverProposedEvent("s-1", "desk", "night", false, "backup",
                PREPARED, ITEMS, MATTERS, INSTRUCTIONS, DUE.due(), false, null, ON_TIME);
        fixture.given(opened())
               .when(handover(PREPARED, false, "backup", ITEMS, List.of()))
               .expectEvents(toSubstitute);
        fixture.given(opened(), toSubstitute)
               .when(accept("backup", ON_TIME, null))
               .expectEvents(new HandoverAcceptedEvent("s-1", "backup", DUE.due(), false, null, ON_TIME),
                       new ShiftHandedOverEvent("s-1", "desk", "night", false, "backup", PREPARED, ITEMS,
                       MATTERS, INSTRUCTIONS, ON_TIME));
    }

    @Test
    @DisplayName("D7 handover is refused with every reason: unresolved emergencies, preparation, unchecked items, "
            + "unfit incoming")
    void refusedWithEveryReason() {
        ProposeHandoverCommand unready = handover(new Preparation(false, true, false), false, null,
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
