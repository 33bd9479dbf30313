package com.kefu.dutylog.command;

import com.kefu.dutylog.api.RepairOrderAcknowledgedEvent;
import com.kefu.dutylog.api.RepairOrderClosedEvent;
import com.kefu.dutylog.api.RepairOrderOpenedEvent;
import com.kefu.dutylog.command.RoundCommands.AcknowledgeRepairOrderCommand;
import com.kefu.dutylog.command.RoundCommands.CloseRepairOrderCommand;
import com.kefu.dutylog.command.RoundCommands.OpenRepairOrderCommand;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** The repair orders the lobby's rounds open to engineering (D16). */
class RepairOrderTest {

    private static final Instant AT = Instant.parse("2026-11-26T01:30:00Z");
    private static final String LOBBY = "一楼大厅 / холл 1 этажа";

    private AggregateTestFixture<RepairOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RepairOrder.class);
    }

    private RepairOrderOpenedEvent opened() {
        return new RepairOrderOpenedEvent("ro-1", "r-1", LOBBY, "电梯 2", "门关不上", "engineering", "desk", AT);
    }

    private RepairOrderAcknowledgedEvent acknowledged() {
        return new RepairOrderAcknowledgedEvent("ro-1", "engineering", "下午来修", "eng", AT.plusSeconds(600));
    }

    @Test
    @DisplayName("D16 a fault becomes a repair order to engineering: the facility, the fault, the round, who "
            + "found it and when")
    void openedFromAFault() {
        fixture.givenNoPriorActivity()
               .when(new OpenRepairOrderCommand("ro-1", "r-1", LOBBY, "电梯 2", "门关不上", "engineering", "desk",
                       AT))
               .expectEvents(opened());
    }

    @Test
    @DisplayName("D16 engineering acknowledges the repair order, then closes it saying what it did")
    void acknowledgedThenClosed() {
        fixture.given(opened())
               .when(new AcknowledgeRepairOrderCommand("ro-1", "下午来修", "engineering", "eng",
                       AT.plusSeconds(600)))
               .expectEvents(acknowledged());
        fixture.given(opened(), acknowledged())
               .when(new CloseRepairOrderCommand("ro-1", "换了门机 / заменили привод", "engineering", "eng",
                       AT.plusSeconds(3600)))
               .expectEvents(new RepairOrderClosedEvent("ro-1", "engineering", "换了门机 / заменили привод", "eng",
                       AT.plusSeconds(3600)));
    }

    @Test
    @DisplayName("D16 only a user of the department the order went to acknowledges or closes it")
    void onlyEngineering() {
        fixture.given(opened())
               .when(new AcknowledgeRepairOrderCommand("ro-1", null, "security", "guard", AT))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(allOf(containsString("engineering"), containsString("security")));
        fixture.given(opened(), acknowledged())
               .when(new CloseRepairOrderCommand("ro-1", "done", null, "desk", AT))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("no department"));
    }

    @Test
    @DisplayName("D16 a repair order is closed only after it was acknowledged")
    void closedOnlyAfterAcknowledged() {
        fixture.given(opened())
               .when(new CloseRepairOrderCommand("ro-1", "done", "engineering", "eng", AT))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("acknowledged"));
    }

    @Test
    @DisplayName("D16 each step once: acknowledged twice or closed twice is refused")
    void eachStepOnce() {
        fixture.given(opened(), acknowledged())
               .when(new AcknowledgeRepairOrderCommand("ro-1", null, "engineering", "eng", AT))
               .expectException(RuleViolation.class);
        fixture.given(opened(), acknowledged(),
                       new RepairOrderClosedEvent("ro-1", "engineering", "ok", "eng", AT.plusSeconds(60)))
               .when(new CloseRepairOrderCommand("ro-1", "again", "engineering", "eng", AT))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("closed already"));
    }
}
