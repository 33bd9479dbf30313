package com.kefu.dutylog.command;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.dutylog.command.RoundCommands.RecordRoundCommand;
import com.kefu.dutylog.event.RoundRecordedEvent;
import com.kefu.dutylog.event.RoundRecordedEvent.Check;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

class RoundTest {

    private static final Instant AT = Instant.parse("2026-11-26T01:30:00Z");
    private static final String LOBBY = "一楼大厅 / холл 1 этажа";

    private AggregateTestFixture<Round> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Round.class);
    }

    @Test
    @DisplayName("D16 a round of the lobby records one result per facility, OK or FAULT with what is wrong, and "
            + "names the repair order each fault becomes")
    void recordedWithAResultPerItem() {
        List<Check> checks = List.of(new Check("自动门 / автоматические двери", "OK", null, null),
                new Check("电梯 2 / лифт 2", "FAULT", "门关不上 / не закрываются двери", "ro-1"));
        fixture.givenNoPriorActivity()
               .when(new RecordRoundCommand("r-1", LOBBY, checks, "desk", AT))
               .expectEvents(new RoundRecordedEvent("r-1", LOBBY, checks, "desk", AT));
    }

    @Test
    @DisplayName("D16 a FAULT says what is wrong: without a note the round is refused, naming the item")
    void aFaultSaysWhatIsWrong() {
        fixture.givenNoPriorActivity()
               .when(new RecordRoundCommand("r-1", LOBBY,
                       List.of(new Check("电梯 2", "FAULT", " ", "ro-1")), "desk", AT))
               .expectException(InvalidRequest.class)
               .expectExceptionMessage(allOf(containsString("items[0].note"), containsString("电梯 2")));
    }

    @Test
    @DisplayName("D16 a round has one result per item: the same facility twice is refused")
    void oneResultPerItem() {
        fixture.givenNoPriorActivity()
               .when(new RecordRoundCommand("r-1", LOBBY, List.of(new Check("电梯 2", "OK", null, null),
                       new Check("电梯 2 ", "OK", null, null)), "desk", AT))
               .expectException(InvalidRequest.class)
               .expectExceptionMessage(containsString("items[1].item"));
    }

    @Test
    @DisplayName("D16 a round checks at least one facility")
    void notEmpty() {
        fixture.givenNoPriorActivity()
               .when(new RecordRoundCommand("r-1", LOBBY, List.of(), "desk", AT))
               .expectException(InvalidRequest.class);
    }
}
