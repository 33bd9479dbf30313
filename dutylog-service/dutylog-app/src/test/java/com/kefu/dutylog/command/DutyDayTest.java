package com.kefu.dutylog.command;

import com.kefu.dutylog.api.AddendumEntryRecordedEvent;
import com.kefu.dutylog.api.AddendumSignedEvent;
import com.kefu.dutylog.api.DutyDaySignedEvent;
import com.kefu.dutylog.api.EntryCategory;
import com.kefu.dutylog.command.DutyDayCommands.RecordAddendumEntryCommand;
import com.kefu.dutylog.command.DutyDayCommands.SignAddendumCommand;
import com.kefu.platform.rules.RuleViolation;
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

    private static final String ADDENDUM_DIGEST = "2f".repeat(32);

    private static RecordAddendumEntryCommand fireAfterSignature(String entryId) {
        return new RecordAddendumEntryCommand(DAY, entryId, "s-1", T.plusSeconds(600), EntryCategory.FIRE,
                "紧急情况 / ЧП: 仓库冒烟", "reported by 保安 李明", null, "incident:i-1", null, "desk",
                T.plusSeconds(660));
    }

    private static AddendumEntryRecordedEvent addendumEntry(int addendum, String entryId) {
        return new AddendumEntryRecordedEvent(DAY, addendum, entryId, "s-1", T.plusSeconds(600), EntryCategory.FIRE,
                "紧急情况 / ЧП: 仓库冒烟", "reported by 保安 李明", null, "incident:i-1", null, "desk",
                T.plusSeconds(660));
    }

    @Test
    @DisplayName("D12 a write into a signed day enters the day's addendum 1, naming when it happened and when written")
    void writeAfterSignatureEntersTheAddendum() {
        fixture.given(new DutyDaySignedEvent(DAY, DIGEST, 7, "manager", T))
               .when(fireAfterSignature("e-1"))
               .expectEvents(addendumEntry(1, "e-1"));
    }

    @Test
    @DisplayName("D12 the manager signs the addendum, chained to the day's signature, which stays as it was")
    void signsTheAddendum() {
        fixture.given(new DutyDaySignedEvent(DAY, DIGEST, 7, "manager", T), addendumEntry(1, "e-1"),
                       addendumEntry(1, "e-2"))
               .when(new SignAddendumCommand(DAY, 1, ADDENDUM_DIGEST, DIGEST, 2, "manager", T.plusSeconds(900)))
               .expectEvents(new AddendumSignedEvent(DAY, 1, ADDENDUM_DIGEST, DIGEST, 2, "manager",
                       T.plusSeconds(900)));
    }

    @Test
    @DisplayName("D12 what is written after an addendum's signature enters the next addendum")
    void afterTheAddendumsSignatureTheNextAddendum() {
        fixture.given(new DutyDaySignedEvent(DAY, DIGEST, 7, "manager", T), addendumEntry(1, "e-1"),
                       new AddendumSignedEvent(DAY, 1, ADDENDUM_DIGEST, DIGEST, 1, "manager", T.plusSeconds(900)))
               .when(fireAfterSignature("e-2"))
               .expectEvents(addendumEntry(2, "e-2"));
    }

    @Test
    @DisplayName("D12 a signed day with nothing written since has no addendum to sign")
    void nothingToSign() {
        fixture.given(new DutyDaySignedEvent(DAY, DIGEST, 7, "manager", T), addendumEntry(1, "e-1"),
                       new AddendumSignedEvent(DAY, 1, ADDENDUM_DIGEST, DIGEST, 1, "manager", T.plusSeconds(900)))
               .when(new SignAddendumCommand(DAY, 2, "3f".repeat(32), ADDENDUM_DIGEST, 0, "manager",
                       T.plusSeconds(960)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("no addendum to sign"));
    }

    @Test
    @DisplayName("D12 an addendum's signature over other entries or another chain than the day holds is refused")
    void signatureOverSomethingElse() {
        fixture.given(new DutyDaySignedEvent(DAY, DIGEST, 7, "manager", T), addendumEntry(1, "e-1"),
                       addendumEntry(1, "e-2"))
               .when(new SignAddendumCommand(DAY, 1, ADDENDUM_DIGEST, DIGEST, 1, "manager", T.plusSeconds(900)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("holds 2 entries"));
        fixture.given(new DutyDaySignedEvent(DAY, DIGEST, 7, "manager", T), addendumEntry(1, "e-1"))
               .when(new SignAddendumCommand(DAY, 1, ADDENDUM_DIGEST, "4f".repeat(32), 1, "manager",
                       T.plusSeconds(900)))
               .expectException(RuleViolation.class);
    }
}
