package com.kefu.dutylog.command;

import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.FireDetails;
import com.kefu.dutylog.api.IncidentPhotoAttachedEvent;
import com.kefu.dutylog.api.IncidentReportedEvent;
import com.kefu.dutylog.api.IncidentResolvedEvent;
import com.kefu.dutylog.command.IncidentCommands.AttachPhotoCommand;
import com.kefu.dutylog.command.IncidentCommands.ReportIncidentCommand;
import com.kefu.dutylog.command.IncidentCommands.ResolveIncidentCommand;
import com.kefu.platform.web.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

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

    private static IncidentPhotoAttachedEvent photo() {
        return new IncidentPhotoAttachedEvent("i-1", "p-1", "image/jpeg", 1234, SHA, "desk", T.plusSeconds(60));
    }

    @Test
    @DisplayName("D10 a fire records reporter, where they are, where it burns and what; it is always a major incident")
    void fireIsMajor() {
        fixture.givenNoPriorActivity()
               .when(new ReportIncidentCommand("i-1", "s-1", EntryCategory.FIRE, false, "保安 李明", "B1 楼梯口",
                       "仓库冒烟", FIRE, T, "desk", T.plusSeconds(30)))
               .expectEvents(fireReported());
    }

    @Test
    @DisplayName("D10 a fire without where it burns and what is not accepted")
    void fireNeedsDetails() {
        fixture.givenNoPriorActivity()
               .when(new ReportIncidentCommand("i-1", "s-1", EntryCategory.FIRE, true, "保安", "B1", "冒烟", null, T,
                       "desk", T))
               .expectException(IllegalArgumentException.class);
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
                       "仓库冒烟", FIRE, T, "desk", T.plusSeconds(30)))
               .expectEvents(new IncidentReportedEvent("i-1", null, EntryCategory.FIRE, true, "保安 李明", "B1 楼梯口",
                       "仓库冒烟", FIRE, T, "desk", T.plusSeconds(30)));
    }
}
