package com.kefu.dutylog.command;

import com.kefu.dutylog.command.VisitorCommands.EraseVisitorCommand;
import com.kefu.dutylog.command.VisitorCommands.IssueBadgeCommand;
import com.kefu.dutylog.command.VisitorCommands.ReturnBadgeCommand;
import com.kefu.dutylog.command.VisitorCommands.SignInVisitorCommand;
import com.kefu.dutylog.command.VisitorCommands.SignOutVisitorCommand;
import com.kefu.dutylog.event.BadgeIssuedEvent;
import com.kefu.dutylog.event.BadgeReturnedEvent;
import com.kefu.dutylog.event.VisitorArrivedEvent;
import com.kefu.dutylog.event.VisitorLeftEvent;
import com.kefu.platform.privacy.PersonalDataErasedEvent;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.hamcrest.Matchers.containsString;

class VisitTest {

    private static final Instant IN = Instant.parse("2026-11-26T02:00:00Z");
    private static final Instant OUT = IN.plusSeconds(3600);
    private static final String BADGE = Badge.idOf("V-07");
    private AggregateTestFixture<Visit> visits;
    private AggregateTestFixture<Badge> badges;

    @BeforeEach
    void setUp() {
        visits = new AggregateTestFixture<>(Visit.class);
        badges = new AggregateTestFixture<>(Badge.class);
    }

    private static VisitorArrivedEvent arrived() {
        return new VisitorArrivedEvent("v-1", "Петров Иван", "写字楼 1205 贸易公司", "V-07", "desk", IN);
    }

    @Test
    @DisplayName("D18 a visitor is logged: who, to see whom, the badge given, when, signed in by whom")
    void signedIn() {
        visits.givenNoPriorActivity()
              .when(new SignInVisitorCommand("v-1", "Петров Иван", "写字楼 1205 贸易公司", "V-07", "desk", IN))
              .expectEvents(arrived());
    }

    @Test
    @DisplayName("D18 a visitor leaves once, with the time out and the badge to give back")
    void leavesOnce() {
        visits.given(arrived())
              .when(new SignOutVisitorCommand("v-1", "evening", OUT))
              .expectEvents(new VisitorLeftEvent("v-1", "V-07", "evening", OUT))
              .expectResultMessagePayload("V-07");
        visits.given(arrived(), new VisitorLeftEvent("v-1", "V-07", "evening", OUT))
              .when(new SignOutVisitorCommand("v-1", "evening", OUT.plusSeconds(60)))
              .expectException(RuleViolation.class)
              .expectExceptionMessage(containsString("signed out already"));
    }

    @Test
    @DisplayName("D18 a badge at the desk goes out with a visit, the first time it is used and after it came back")
    void badgeGoesOut() {
        badges.givenNoPriorActivity()
              .when(new IssueBadgeCommand(BADGE, "V-07", "v-1", IN))
              .expectEvents(new BadgeIssuedEvent(BADGE, "V-07", "v-1", IN));
        badges.given(new BadgeIssuedEvent(BADGE, "V-07", "v-1", IN), new BadgeReturnedEvent(BADGE, "V-07", "v-1", OUT))
              .when(new IssueBadgeCommand(BADGE, "V-07", "v-2", OUT.plusSeconds(60)))
              .expectEvents(new BadgeIssuedEvent(BADGE, "V-07", "v-2", OUT.plusSeconds(60)));
    }

    @Test
    @DisplayName("D18 a badge already out is given to no one else until it is returned")
    void badgeAlreadyOut() {
        badges.given(new BadgeIssuedEvent(BADGE, "V-07", "v-1", IN))
              .when(new IssueBadgeCommand(BADGE, "V-07", "v-2", IN.plusSeconds(60)))
              .expectException(RuleViolation.class)
              .expectExceptionMessage(containsString("out with visit v-1"));
    }

    @Test
    @DisplayName("D18 a badge comes back with the visit it went out with, and only with that one")
    void badgeReturned() {
        badges.given(new BadgeIssuedEvent(BADGE, "V-07", "v-1", IN))
              .when(new ReturnBadgeCommand(BADGE, "V-07", "v-1", OUT))
              .expectEvents(new BadgeReturnedEvent(BADGE, "V-07", "v-1", OUT));
        badges.given(new BadgeIssuedEvent(BADGE, "V-07", "v-1", IN))
              .when(new ReturnBadgeCommand(BADGE, "V-07", "v-2", OUT))
              .expectException(RuleViolation.class)
              .expectExceptionMessage(containsString("not out with visit v-2"));
    }

    @Test
    @DisplayName("S3 D18 a visitor's name erased on request: the visit tells its views, and still leaves once")
    void erasedOnRequest() {
        visits.given(arrived())
              .when(new EraseVisitorCommand("v-1", "本人要求", "head", OUT))
              .expectEvents(new PersonalDataErasedEvent("v-1", "head", "本人要求", OUT));
        visits.given(arrived(), new PersonalDataErasedEvent("v-1", "head", "本人要求", OUT))
              .when(new SignOutVisitorCommand("v-1", "evening", OUT.plusSeconds(60)))
              .expectEvents(new VisitorLeftEvent("v-1", "V-07", "evening", OUT.plusSeconds(60)));
    }
}
