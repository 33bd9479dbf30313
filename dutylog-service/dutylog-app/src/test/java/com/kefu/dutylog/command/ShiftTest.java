package com.kefu.dutylog.command;

import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.api.EntryRecordedEvent;
import com.kefu.dutylog.api.ShiftOpenedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

class ShiftTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private AggregateTestFixture<Shift> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Shift.class);
    }

    @Test
    @DisplayName("D1 opening a shift starts a new page with its date")
    void opens() {
        fixture.givenNoPriorActivity()
               .when(new OpenShiftCommand("s-1", "front-desk", LocalDate.of(2026, 11, 26), "desk", NOW))
               .expectEvents(new ShiftOpenedEvent("s-1", "front-desk", LocalDate.of(2026, 11, 26), "desk", NOW));
    }

    @Test
    @DisplayName("D2 an entry records when, what, how it was handled and the outcome")
    void recordsEntries() {
        fixture.given(new ShiftOpenedEvent("s-1", "front-desk", LocalDate.of(2026, 11, 26), "desk", NOW))
               .when(new RecordEntryCommand("s-1", "e-1", NOW, EntryCategory.WATER, "3楼漏水", "通知工程部",
                       "已修复", null, "desk", NOW.plusSeconds(60)))
               .expectEvents(new EntryRecordedEvent("s-1", "e-1", NOW, EntryCategory.WATER, "3楼漏水", "通知工程部",
                       "已修复", null, "desk", NOW.plusSeconds(60)));
    }
}
