package com.kefu.complaint.command;

import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintDeadlineApproachingEvent;
import com.kefu.complaint.api.ComplaintDeadlineMissedEvent;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import com.kefu.complaint.command.WorkflowCommands.RecordDeadlineApproachingCommand;
import com.kefu.complaint.config.DeadlineProperties;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warning at four fifths of a stage's time (C17). The time is the fixture's clock, set to odd hours of the mall's
 * day (Asia/Shanghai, UTC+8): a stage entered at 23:47:13 on the evening of 26 November, due at 03:47:13 the next
 * morning, is warned from 02:59:13 on — across midnight, to the millisecond.
 */
class DeadlineWarningTest {

    private static final String ID = "c-17";
    private static final String NUMBER = "KF-202611-00017";
    /** 23:47:13.250 mall time on 26 November. */
    private static final Instant ENTERED = Instant.parse("2026-11-26T15:47:13.250Z");
    /** NORMAL may stay RECEIVED 4 h: due 03:47:13.250 mall time on 27 November. */
    private static final Instant DUE = ENTERED.plus(Duration.ofHours(4));
    /** 02:59:13.250 mall time: 3 h 12 min, four fifths of 4 h. */
    private static final Instant WARNING = Instant.parse("2026-11-26T18:59:13.250Z");

    private AggregateTestFixture<Complaint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Complaint.class);
    }

    private static ComplaintReceivedEvent received() {
        return new ComplaintReceivedEvent(ID, NUMBER, Channel.PHONE, Category.FACILITY, Severity.NORMAL,
                Priority.NORMAL, new CustomerReference("王芳", "138****5678", null), null, "空调", "不制冷", "desk",
                ENTERED, null);
    }

    private static ComplaintDeadlineApproachingEvent warned(Instant at) {
        return new ComplaintDeadlineApproachingEvent(ID, NUMBER, "RECEIVED", Priority.NORMAL, null, ENTERED, DUE, at);
    }

    /** The watch's command at the fixture's current time, as the watch sends it with the service's clock. */
    private static RecordDeadlineApproachingCommand approaching(TestExecutor<Complaint> at) {
        return new RecordDeadlineApproachingCommand(ID, "RECEIVED", ENTERED, DUE, at.currentTime());
    }

    @Test
    @DisplayName("C17 the warning time is four fifths of the stage's time, also across midnight and at odd milliseconds")
    void fourFifths() {
        assertThat(DeadlineProperties.warningAt(ENTERED, DUE)).isEqualTo(WARNING);
        Instant late = Instant.parse("2026-12-31T15:59:59.999Z"); // 23:59:59.999 on New Year's Eve, mall time
        assertThat(DeadlineProperties.warningAt(late, late.plus(Duration.ofMinutes(30))))
                .isEqualTo(Instant.parse("2026-12-31T16:23:59.999Z"));
        assertThat(DeadlineProperties.warningAt(late, late.plusMillis(7))).isEqualTo(late.plusMillis(6));
    }

    @Test
    @DisplayName("C17 at four fifths of a stage's time the complaint records ComplaintDeadlineApproaching, not a millisecond before")
    void warnsAtFourFifths() {
        var before = fixture.given(received()).andGivenCurrentTime(WARNING.minusMillis(1));
        before.when(approaching(before)).expectSuccessfulHandlerExecution().expectNoEvents();

        var at = fixture.given(received()).andGivenCurrentTime(WARNING);
        at.when(approaching(at)).expectEvents(warned(WARNING));

        Instant threeInTheMorning = Instant.parse("2026-11-26T19:00:00Z"); // 03:00:00 mall time
        var later = fixture.given(received()).andGivenCurrentTime(threeInTheMorning);
        later.when(approaching(later)).expectEvents(warned(threeInTheMorning));
    }

    @Test
    @DisplayName("C17 a stage is warned of once per entry; a stage entered again (reassigned) is warned of again")
    void oncePerStageEntry() {
        var again = fixture.given(received(), warned(WARNING)).andGivenCurrentTime(WARNING.plusSeconds(60));
        again.when(approaching(again)).expectNoEvents();

        Instant assignedAt = Instant.parse("2026-11-26T19:30:00Z"); // 03:30 mall time
        Instant reassignedAt = Instant.parse("2026-11-27T17:05:00Z"); // 01:05 mall time, the night after
        var assigned = new ComplaintAssignedEvent(ID, NUMBER, "engineering", null, Priority.NORMAL, "aftersales",
                assignedAt);
        var reassigned = new ComplaintAssignedEvent(ID, NUMBER, "security", null, Priority.NORMAL, "aftersales",
                reassignedAt);
        Instant firstDue = assignedAt.plus(Duration.ofHours(72));
        Instant secondDue = reassignedAt.plus(Duration.ofHours(72));
        Instant firstWarning = DeadlineProperties.warningAt(assignedAt, firstDue);
        var engineeringWarned = new ComplaintDeadlineApproachingEvent(ID, NUMBER, "ASSIGNED", Priority.NORMAL,
                "engineering", assignedAt, firstDue, firstWarning);

        Instant secondWarning = DeadlineProperties.warningAt(reassignedAt, secondDue);
        var afterReassignment = fixture.given(received(), warned(WARNING), assigned, engineeringWarned, reassigned)
                                       .andGivenCurrentTime(secondWarning);
        afterReassignment.when(new RecordDeadlineApproachingCommand(ID, "ASSIGNED", reassignedAt, secondDue,
                                 afterReassignment.currentTime()))
                         .expectEvents(new ComplaintDeadlineApproachingEvent(ID, NUMBER, "ASSIGNED", Priority.NORMAL,
                                 "security", reassignedAt, secondDue, secondWarning));
    }

    @Test
    @DisplayName("C17 no warning for a stage the complaint has left, nor once its deadline has passed or was missed")
    void notForAStageLeftOrMissed() {
        Instant assignedAt = WARNING.minus(Duration.ofMinutes(5));
        var left = fixture.given(received(), new ComplaintAssignedEvent(ID, NUMBER, "engineering", null,
                Priority.NORMAL, "aftersales", assignedAt)).andGivenCurrentTime(WARNING);
        left.when(approaching(left)).expectNoEvents();

        var passed = fixture.given(received()).andGivenCurrentTime(DUE);
        passed.when(approaching(passed)).expectNoEvents();

        var missed = new ComplaintDeadlineMissedEvent(ID, NUMBER, "RECEIVED", Priority.NORMAL, null, DUE,
                DUE.plusSeconds(30));
        var afterMissed = fixture.given(received(), missed).andGivenCurrentTime(WARNING.plusSeconds(1));
        afterMissed.when(approaching(afterMissed)).expectNoEvents();
    }
}
