package com.kefu.dutylog.command;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.dutylog.command.TaskCommands.GiveTaskCommand;
import com.kefu.dutylog.command.TaskCommands.MarkTaskDoneCommand;
import com.kefu.dutylog.event.TaskDoneEvent;
import com.kefu.dutylog.event.TaskGivenEvent;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.hamcrest.Matchers.containsString;

class TaskTest {

    private static final Instant GIVEN = Instant.parse("2026-11-26T01:00:00Z");
    private static final Instant DUE = GIVEN.plus(Duration.ofHours(8));
    private AggregateTestFixture<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
    }

    private static TaskGivenEvent toPost() {
        return new TaskGivenEvent("t-1", "检查消防通道 / проверить пожарные выходы", "主管 张", "POST", "front-desk", DUE,
                "desk", GIVEN);
    }

    private static TaskGivenEvent toPerson() {
        return new TaskGivenEvent("t-1", "给 1205 打电话", "经理 王", "PERSON", "evening", DUE, "manager", GIVEN);
    }

    @Test
    @DisplayName("D19 a task from a superior is given to a post or a person with a due time: what, from whom, who "
            + "wrote it down and when")
    void given() {
        fixture.givenNoPriorActivity()
               .when(new GiveTaskCommand("t-1", "检查消防通道 / проверить пожарные выходы", "主管 张", "POST",
                       "front-desk", DUE, "desk", GIVEN))
               .expectEvents(toPost());
    }

    @Test
    @DisplayName("D19 a task is given with a due time still to come")
    void dueInTheFuture() {
        fixture.givenNoPriorActivity()
               .when(new GiveTaskCommand("t-1", "x", "主管 张", "POST", "front-desk", GIVEN, "desk", GIVEN))
               .expectException(InvalidRequest.class)
               .expectExceptionMessage(containsString("dueAt"));
    }

    @Test
    @DisplayName("D19 a task given to a post is marked done by whoever at the desk did it, once; done on time")
    void doneByWhoDidIt() {
        fixture.given(toPost())
               .when(new MarkTaskDoneCommand("t-1", "通道畅通", "night", DUE.minusSeconds(60)))
               .expectEvents(new TaskDoneEvent("t-1", "night", "通道畅通", DUE.minusSeconds(60), false));
        fixture.given(toPost(), new TaskDoneEvent("t-1", "night", null, DUE, false))
               .when(new MarkTaskDoneCommand("t-1", null, "desk", DUE))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("done already"));
    }

    @Test
    @DisplayName("D19 a task done after its due time is recorded as done late")
    void doneLate() {
        fixture.given(toPost())
               .when(new MarkTaskDoneCommand("t-1", null, "night", DUE.plusSeconds(1)))
               .expectEvents(new TaskDoneEvent("t-1", "night", null, DUE.plusSeconds(1), true));
    }

    @Test
    @DisplayName("D19 a task given to a person is marked done by that person only")
    void aPersonsTask() {
        fixture.given(toPerson())
               .when(new MarkTaskDoneCommand("t-1", null, "desk", GIVEN.plusSeconds(60)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("evening"));
        fixture.given(toPerson())
               .when(new MarkTaskDoneCommand("t-1", "打过了", "evening", GIVEN.plusSeconds(60)))
               .expectEvents(new TaskDoneEvent("t-1", "evening", "打过了", GIVEN.plusSeconds(60), false));
    }
}
