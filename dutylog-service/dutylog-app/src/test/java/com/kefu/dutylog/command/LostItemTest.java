package com.kefu.dutylog.command;

import com.kefu.dutylog.command.LostItemCommands.DisposeLostItemCommand;
import com.kefu.dutylog.command.LostItemCommands.RegisterLostItemCommand;
import com.kefu.dutylog.command.LostItemCommands.ReturnLostItemCommand;
import com.kefu.dutylog.event.LostItemDisposedEvent;
import com.kefu.dutylog.event.LostItemRegisteredEvent;
import com.kefu.dutylog.event.LostItemReturnedEvent;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.hamcrest.Matchers.containsString;

class LostItemTest {

    private static final Instant FOUND = Instant.parse("2026-11-26T09:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(90);
    private AggregateTestFixture<LostItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LostItem.class);
    }

    private static LostItemRegisteredEvent registered() {
        return new LostItemRegisteredEvent("l-1", "黑色钱包", "保洁 王姐", FOUND, "2楼女卫生间", "主管 张", "客服部保险柜 A3",
                "desk", FOUND.plusSeconds(600));
    }

    @Test
    @DisplayName("D9 a found item is registered: who found what, when, where, handed to whom, stored where")
    void registers() {
        fixture.givenNoPriorActivity()
               .when(new RegisterLostItemCommand("l-1", "黑色钱包", "保洁 王姐", FOUND, "2楼女卫生间", "主管 张",
                       "客服部保险柜 A3", "desk", FOUND.plusSeconds(600)))
               .expectEvents(registered());
    }

    @Test
    @DisplayName("D9 an item is handed back only against identification, and the receiver is recorded")
    void handedBackAgainstIdentification() {
        fixture.given(registered())
               .when(new ReturnLostItemCommand("l-1", "Иванова Анна", false, null, "desk", FOUND.plusSeconds(3600)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("identity has been checked"));
        fixture.given(registered())
               .when(new ReturnLostItemCommand("l-1", "Иванова Анна", true, "паспорт", "desk", FOUND.plusSeconds(3600)))
               .expectEvents(new LostItemReturnedEvent("l-1", "Иванова Анна", "паспорт", "desk",
                       FOUND.plusSeconds(3600)));
    }

    @Test
    @DisplayName("D9 an unclaimed item is disposed of after the retention period, not before, and is then gone")
    void disposedAfterRetention() {
        fixture.given(registered())
               .when(new DisposeLostItemCommand("l-1", RETENTION, "system", FOUND.plus(Duration.ofDays(89))))
               .expectException(RuleViolation.class);
        LostItemDisposedEvent disposed = new LostItemDisposedEvent("l-1", RETENTION, "system",
                FOUND.plus(Duration.ofDays(91)));
        fixture.given(registered())
               .when(new DisposeLostItemCommand("l-1", RETENTION, "system", FOUND.plus(Duration.ofDays(91))))
               .expectEvents(disposed);
        fixture.given(registered(), disposed)
               .when(new ReturnLostItemCommand("l-1", "late", true, "паспорт", "desk", FOUND.plus(Duration.ofDays(92))))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("disposed"));
    }

    @Test
    @DisplayName("D9 an item is kept until its retention ends (found + retention, the keptUntil of the API): not "
            + "disposed of a second before, disposed of from then on")
    void keptUntilTheRetentionEnds() {
        Instant keptUntil = FOUND.plus(RETENTION);
        fixture.given(registered())
               .when(new DisposeLostItemCommand("l-1", RETENTION, "system", keptUntil.minusSeconds(1)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("kept until " + keptUntil));
        fixture.given(registered())
               .when(new DisposeLostItemCommand("l-1", RETENTION, "system", keptUntil))
               .expectEvents(new LostItemDisposedEvent("l-1", RETENTION, "system", keptUntil));
    }
}
