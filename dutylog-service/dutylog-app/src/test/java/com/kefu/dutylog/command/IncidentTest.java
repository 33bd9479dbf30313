package com.kefu.dutylog.command;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.FireDetails;
import com.kefu.dutylog.api.IncidentKind;
import com.kefu.dutylog.api.IncidentNoticeAcknowledgedEvent;
import com.kefu.dutylog.api.IncidentNoticeSentEvent;
import com.kefu.dutylog.api.IncidentPhotoAttachedEvent;
import com.kefu.dutylog.api.IncidentReportedEvent;
import com.kefu.dutylog.api.IncidentResolvedEvent;
import com.kefu.dutylog.command.IncidentCommands.AcknowledgeNoticeCommand;
import com.kefu.dutylog.command.IncidentCommands.AttachPhotoCommand;
import com.kefu.dutylog.command.IncidentCommands.MarkFireStepNotNeededCommand;
import com.kefu.dutylog.command.IncidentCommands.TickFireStepCommand;
import com.kefu.dutylog.command.IncidentCommands.ReportIncidentCommand;
import com.kefu.dutylog.command.IncidentCommands.ResolveIncidentCommand;
import com.kefu.dutylog.api.FireChecklistOpenedEvent;
import com.kefu.dutylog.api.FireStep;
import com.kefu.dutylog.api.FireStepDoneEvent;
import com.kefu.dutylog.api.FireStepNotNeededEvent;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.containsString;

class IncidentTest {

    private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");
    private static final FireDetails FIRE = new FireDetails("B1 仓库", "纸箱", true, true);
    private static final String SHA = "a".repeat(64);
    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    private static IncidentReportedEvent fireReported() {
        return new IncidentReportedEvent("i-1", "s-1", EntryCategory.FIRE, true, "保安 李明", "B1 楼梯口", "仓库冒烟",
                FIRE, T, "desk", T.plusSeconds(30));
    }

    private static FireChecklistOpenedEvent checklistOpened() {
        return new FireChecklistOpenedEvent("i-1", "去一楼大堂", T.plusSeconds(30));
    }

    /** Every step of the checklist done but the extinguisher, which was not needed. */
    private static Object[] checklistDone() {
        return new Object[] {fireReported(), checklistOpened(), photo(),
            new FireStepDoneEvent("i-1", FireStep.SENIOR_ON_DUTY_TOLD, "值班经理 王", "desk", T.plusSeconds(40)),
            new FireStepDoneEvent("i-1", FireStep.SECURITY_CONTROL_ROOM_TOLD, null, "desk", T.plusSeconds(50)),
            new FireStepDoneEvent("i-1", FireStep.FIRE_BRIGADE_CALLED, "119", "desk", T.plusSeconds(55)),
            new FireStepNotNeededEvent("i-1", FireStep.EXTINGUISHER_USED, "火已被喷淋扑灭", "desk", T.plusSeconds(70)),
            new FireStepDoneEvent("i-1", FireStep.EVACUATION_GUIDED, null, "desk", T.plusSeconds(90))};
    }

    private static IncidentPhotoAttachedEvent photo() {
        return new IncidentPhotoAttachedEvent("i-1", "p-1", "image/jpeg", 1234, SHA, "desk", T.plusSeconds(60));
    }

    @Test
    @DisplayName("D10 a fire records reporter, where they are, where it burns and what; it is always a major incident")
    void fireIsMajor() {
        fixture.givenNoPriorActivity()
               .when(new ReportIncidentCommand("i-1", "s-1", EntryCategory.FIRE, false, "保安 李明", "B1 楼梯口",
                       "仓库冒烟", FIRE, "去一楼大堂", null, T, "desk", T.plusSeconds(30)))
               .expectEvents(fireReported(), checklistOpened());
    }

    @Test
    @DisplayName("D10 a fire without where it burns and what is not accepted")
    void fireNeedsDetails() {
        fixture.givenNoPriorActivity()
               .when(new ReportIncidentCommand("i-1", "s-1", EntryCategory.FIRE, true, "保安", "B1", "冒烟", null, null,
                       null, T, "desk", T))
               .expectException(InvalidRequest.class);
    }

    @Test
    @DisplayName("D4 on-site photos are attached to the incident's form by their SHA-256")
    void photosAttach() {
        fixture.given(fireReported())
               .when(new AttachPhotoCommand("i-1", "p-1", "image/jpeg", 1234, SHA, "desk", T.plusSeconds(60)))
               .expectEvents(photo());
    }

    @Test
    @DisplayName("D4 a major incident is not resolved before its form has on-site photos")
    void majorNeedsPhotos() {
        fixture.given(fireReported())
               .when(new ResolveIncidentCommand("i-1", "已扑灭", "desk", T.plusSeconds(600)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("needs on-site photos"));
    }

    @Test
    @DisplayName("D4 resolving records the outcome, once")
    void resolvesOnce() {
        fixture.given(fireReported(), photo())
               .when(new ResolveIncidentCommand("i-1", "已扑灭, 无人受伤", "desk", T.plusSeconds(600)))
               .expectEvents(new IncidentResolvedEvent("i-1", "已扑灭, 无人受伤", "desk", T.plusSeconds(600)));
        fixture.given(fireReported(), photo(),
                       new IncidentResolvedEvent("i-1", "已扑灭", "desk", T.plusSeconds(600)))
               .when(new ResolveIncidentCommand("i-1", "again", "desk", T.plusSeconds(900)))
               .expectException(RuleViolation.class);
    }

    @Test
    @DisplayName("D12 a fire is taken while no shift is open: the form names no page yet")
    void fireWithoutAShift() {
        fixture.givenNoPriorActivity()
               .when(new ReportIncidentCommand("i-1", null, EntryCategory.FIRE, true, "保安 李明", "B1 楼梯口",
                       "仓库冒烟", FIRE, null, null, T, "desk", T.plusSeconds(30)))
               .expectEvents(new IncidentReportedEvent("i-1", null, EntryCategory.FIRE, true, "保安 李明", "B1 楼梯口",
                       "仓库冒烟", FIRE, T, "desk", T.plusSeconds(30)),
                       new FireChecklistOpenedEvent("i-1", null, T.plusSeconds(30)));
    }

    @Test
    @DisplayName("D13 a step of the fire checklist is done by whom and when, once")
    void stepDoneOnce() {
        fixture.given(fireReported(), checklistOpened())
               .when(new TickFireStepCommand("i-1", FireStep.FIRE_BRIGADE_CALLED, "119", "desk", T.plusSeconds(55)))
               .expectEvents(new FireStepDoneEvent("i-1", FireStep.FIRE_BRIGADE_CALLED, "119", "desk",
                       T.plusSeconds(55)));
        fixture.given(fireReported(), checklistOpened(),
                       new FireStepDoneEvent("i-1", FireStep.FIRE_BRIGADE_CALLED, "119", "desk", T.plusSeconds(55)))
               .when(new TickFireStepCommand("i-1", FireStep.FIRE_BRIGADE_CALLED, null, "night", T.plusSeconds(60)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("already done by desk"));
    }

    @Test
    @DisplayName("D13 a step is marked not needed only with a reason")
    void notNeededWithAReason() {
        fixture.given(fireReported(), checklistOpened())
               .when(new MarkFireStepNotNeededCommand("i-1", FireStep.EXTINGUISHER_USED, "火已被喷淋扑灭", "desk",
                       T.plusSeconds(70)))
               .expectEvents(new FireStepNotNeededEvent("i-1", FireStep.EXTINGUISHER_USED, "火已被喷淋扑灭", "desk",
                       T.plusSeconds(70)));
        fixture.given(fireReported(), checklistOpened())
               .when(new MarkFireStepNotNeededCommand("i-1", FireStep.EXTINGUISHER_USED, " ", "desk",
                       T.plusSeconds(70)))
               .expectException(InvalidRequest.class);
    }

    @Test
    @DisplayName("D13 a fire is not resolved while a step is neither done nor marked not needed, naming the steps")
    void notResolvedWithOpenSteps() {
        fixture.given(fireReported(), checklistOpened(), photo(),
                       new FireStepDoneEvent("i-1", FireStep.FIRE_BRIGADE_CALLED, "119", "desk", T.plusSeconds(55)))
               .when(new ResolveIncidentCommand("i-1", "已扑灭", "desk", T.plusSeconds(600)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("[SENIOR_ON_DUTY_TOLD, SECURITY_CONTROL_ROOM_TOLD, "
                       + "EXTINGUISHER_USED, EVACUATION_GUIDED] (篇2 T, D13)"));
        fixture.given(checklistDone())
               .when(new ResolveIncidentCommand("i-1", "已扑灭", "desk", T.plusSeconds(600)))
               .expectEvents(new IncidentResolvedEvent("i-1", "已扑灭", "desk", T.plusSeconds(600)));
    }

    @Test
    @DisplayName("D13 an incident that is no fire has no fire steps; a resolved fire takes no more")
    void stepsOnlyOfAnOpenFire() {
        fixture.given(new IncidentReportedEvent("i-1", "s-1", EntryCategory.WATER, false, "保洁", "3楼", "漏水", null,
                       T, "desk", T))
               .when(new TickFireStepCommand("i-1", FireStep.FIRE_BRIGADE_CALLED, null, "desk", T))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("no fire"));
        Object[] resolved = java.util.Arrays.copyOf(checklistDone(), checklistDone().length + 1);
        resolved[resolved.length - 1] = new IncidentResolvedEvent("i-1", "已扑灭", "desk", T.plusSeconds(600));
        fixture.given(resolved)
               .when(new MarkFireStepNotNeededCommand("i-1", FireStep.EVACUATION_GUIDED, "late", "desk",
                       T.plusSeconds(700)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("already resolved"));
    }

    private static IncidentReportedEvent guestIll() {
        return new IncidentReportedEvent("i-2", "s-1", EntryCategory.OTHER, false, "保洁 王姐", "2楼 扶梯口",
                "一位老人晕倒 / пожилой гость потерял сознание", null, T, "desk", T.plusSeconds(20));
    }

    private static IncidentNoticeSentEvent guestIllNotice() {
        return new IncidentNoticeSentEvent("i-2", IncidentKind.GUEST_ILL, EntryCategory.OTHER, "2楼 扶梯口",
                "一位老人晕倒 / пожилой гость потерял сознание", "保洁 王姐", T, List.of("CS_MANAGER", "CS_HEAD"),
                "desk", T.plusSeconds(20));
    }

    @Test
    @DisplayName("D14 a guest taken ill is reported with a notice to the CS manager and the CS head at once")
    void guestTakenIllNotifiesManagers() {
        fixture.givenNoPriorActivity()
               .when(new ReportIncidentCommand("i-2", "s-1", EntryCategory.OTHER, false, "保洁 王姐", "2楼 扶梯口",
                       "一位老人晕倒 / пожилой гость потерял сознание", null, null, IncidentKind.GUEST_ILL, T, "desk",
                       T.plusSeconds(20)))
               .expectEvents(guestIll(), guestIllNotice());
    }

    @Test
    @DisplayName("D14 each role is told when a person of it acknowledges the notice: who and when, once")
    void noticeAcknowledgedPerRole() {
        fixture.given(guestIll(), guestIllNotice())
               .when(new AcknowledgeNoticeCommand("i-2", List.of("CS_MANAGER"), "manager", T.plusSeconds(50)))
               .expectEvents(new IncidentNoticeAcknowledgedEvent("i-2", "CS_MANAGER", "manager", T.plusSeconds(50)));
        fixture.given(guestIll(), guestIllNotice(),
                       new IncidentNoticeAcknowledgedEvent("i-2", "CS_MANAGER", "manager", T.plusSeconds(50)))
               .when(new AcknowledgeNoticeCommand("i-2", List.of("CS_MANAGER"), "manager2", T.plusSeconds(60)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("already acknowledged for CS_MANAGER by manager"));
        fixture.given(guestIll(), guestIllNotice(),
                       new IncidentNoticeAcknowledgedEvent("i-2", "CS_MANAGER", "manager", T.plusSeconds(50)))
               .when(new AcknowledgeNoticeCommand("i-2", List.of("CS_HEAD", "CS_MANAGER"), "head", T.plusSeconds(70)))
               .expectEvents(new IncidentNoticeAcknowledgedEvent("i-2", "CS_HEAD", "head", T.plusSeconds(70)));
    }

    @Test
    @DisplayName("D14 an incident of no such kind has no notice to acknowledge")
    void noNoticeWithoutAKind() {
        fixture.given(fireReported(), checklistOpened())
               .when(new AcknowledgeNoticeCommand("i-1", List.of("CS_MANAGER"), "manager", T.plusSeconds(50)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("no notice"));
    }
}
