package com.kefu.platform.time;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class MallTimeTest {

    /** 23:30 in the mall on 2026-03-14 is still 15:30 UTC the same day; 00:30 in the mall is the day before in UTC. */
    private static final Instant LATE_EVENING = Instant.parse("2026-03-14T15:30:00Z");
    private static final Instant JUST_AFTER_MIDNIGHT = Instant.parse("2026-03-14T16:30:00Z");

    private final MallTime mall = new MallTime(Clock.fixed(JUST_AFTER_MIDNIGHT, ZoneOffset.UTC),
            ZoneId.of("Asia/Shanghai"));

    @Test
    @DisplayName("today and an instant's day are the mall's dates, not the clock's or the server's")
    void daysAreTheMalls() {
        assertThat(mall.today()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(mall.dayOf(LATE_EVENING)).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(mall.now()).isEqualTo(JUST_AFTER_MIDNIGHT);
    }

    @Test
    @DisplayName("a day starts and ends at the mall's midnights; no day is an open bound")
    void dayBounds() {
        LocalDate day = LocalDate.of(2026, 3, 14);
        assertThat(mall.startOf(day)).isEqualTo(Instant.parse("2026-03-13T16:00:00Z"));
        assertThat(mall.endOf(day)).isEqualTo(Instant.parse("2026-03-14T16:00:00Z"));
        assertThat(mall.startOf(day)).isBefore(LATE_EVENING);
        assertThat(mall.endOf(day)).isAfter(LATE_EVENING).isBefore(JUST_AFTER_MIDNIGHT.plusSeconds(1));
        assertThat(mall.startOf(null)).isNull();
        assertThat(mall.endOf(null)).isNull();
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TimeConfiguration.class));

    @Test
    @DisplayName("configured once: the system clock in UTC and Asia/Shanghai unless kefu.mall.zone names another zone")
    void configuredOnce() {
        context.run(started -> {
            assertThat(started.getBean(MallTime.class).zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
            assertThat(started.getBean(Clock.class).getZone()).isEqualTo(ZoneOffset.UTC);
        });
        context.withPropertyValues("kefu.mall.zone=Europe/Moscow").run(started ->
                assertThat(started.getBean(MallTime.class).zone()).isEqualTo(ZoneId.of("Europe/Moscow")));
    }

    @Test
    @DisplayName("a test's own Clock bean takes the system clock's place, and the mall's time follows it")
    void aTestsClockWins() {
        Clock fixed = Clock.fixed(LATE_EVENING, ZoneOffset.UTC);
        context.withBean(Clock.class, () -> fixed).run(started -> {
            assertThat(started.getBean(MallTime.class).clock()).isSameAs(fixed);
            assertThat(started.getBean(MallTime.class).today()).isEqualTo(LocalDate.of(2026, 3, 14));
        });
    }
}
