package com.kefu.dutylog.command;

import com.kefu.dutylog.api.DutyDaySignedEvent;
import com.kefu.platform.web.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.hamcrest.Matchers.containsString;

class DutyDayTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    private static final Instant T = Instant.parse("2026-11-26T15:00:00Z");
    private static final String DIGEST = "0f".repeat(32);
    private AggregateTestFixture<DutyDay> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DutyDay.class);
    }

    @Test
    @DisplayName("D5 the manager's signature records who, when and the digest of the day's entries")
    void signs() {
        fixture.givenNoPriorActivity()
               .when(new SignDutyDayCommand(DAY, DIGEST, 7, "manager", T))
               .expectEvents(new DutyDaySignedEvent(DAY, DIGEST, 7, "manager", T));
    }

    @Test
    @DisplayName("D5 a signed day is sealed: it is not signed again")
    void signedOnce() {
        fixture.given(new DutyDaySignedEvent(DAY, DIGEST, 7, "manager", T))
               .when(new SignDutyDayCommand(DAY, "1f".repeat(32), 8, "manager2", T.plusSeconds(60)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("already signed by manager"));
    }
}
