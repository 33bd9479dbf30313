package com.kefu.complaint.command;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.ComplaintArchivedEvent;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintEscalatedEvent;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.EscalationAcknowledgedEvent;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import com.kefu.complaint.api.SupervisorInstructionsRecordedEvent;
import com.kefu.complaint.command.WorkflowCommands.AcknowledgeEscalationCommand;
import com.kefu.complaint.command.WorkflowCommands.RecordSupervisorInstructionsCommand;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

/** C14: the supervisor acts on escalated complaints: acknowledges them and gives instructions (第四章). */
class SupervisorEscalationTest {

    private static final String ID = "c-9";
    private static final String NUMBER = "KF-202612-00009";
    private static final Instant T = Instant.parse("2026-12-06T15:30:00Z"); // 23:30 in Shanghai
    private AggregateTestFixture<Complaint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Complaint.class);
    }

    private static ComplaintReceivedEvent received() {
        return new ComplaintReceivedEvent(ID, NUMBER, Channel.VISIT, Category.SAFETY, Severity.MAJOR, Priority.HIGH,
                new CustomerReference("王芳", "138****5678", null), null, "扶梯夹伤", "孩子的手被夹", "desk", T, null);
    }

    private static ComplaintEscalatedEvent escalated() {
        return new ComplaintEscalatedEvent(ID, NUMBER, Severity.MAJOR, "重大投诉", "aftersales", T.plusSeconds(60));
    }

    @Test
    @DisplayName("C14 the supervisor acknowledges an escalated MAJOR complaint once, at the time of the command")
    void supervisorAcknowledgesOnce() {
        fixture.given(received(), escalated())
               .when(new AcknowledgeEscalationCommand(ID, true, "supervisor", T.plusSeconds(120)))
               .expectEvents(new EscalationAcknowledgedEvent(ID, NUMBER, Severity.MAJOR, "supervisor",
                       T.plusSeconds(120)));
        fixture.given(received(), escalated(),
                        new EscalationAcknowledgedEvent(ID, NUMBER, Severity.MAJOR, "supervisor", T.plusSeconds(120)))
               .when(new AcknowledgeEscalationCommand(ID, true, "supervisor", T.plusSeconds(180)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("complaint " + NUMBER + " has already been acknowledged by the supervisor (C14)")
               .expectNoEvents();
    }

    @Test
    @DisplayName("C14 only the SUPERVISOR acknowledges an escalation or gives instructions: 409 escalation-needs-supervisor")
    void onlyTheSupervisor() {
        fixture.given(received(), escalated())
               .when(new AcknowledgeEscalationCommand(ID, false, "head", T.plusSeconds(120)))
               .expectException(RuleViolation.class)
               .expectException(ruleIs("escalation-needs-supervisor"))
               .expectNoEvents();
        fixture.given(received(), escalated())
               .when(new RecordSupervisorInstructionsCommand(ID, "今天答复客户", false, "head", T.plusSeconds(120)))
               .expectException(ruleIs("escalation-needs-supervisor"))
               .expectNoEvents();
    }

    @Test
    @DisplayName("C14 only an escalated complaint is acknowledged or given instructions: 409 complaint-not-escalated")
    void onlyAnEscalatedComplaint() {
        fixture.given(received())
               .when(new AcknowledgeEscalationCommand(ID, true, "supervisor", T.plusSeconds(120)))
               .expectException(ruleIs("complaint-not-escalated"))
               .expectExceptionMessage("complaint " + NUMBER + " has not been escalated: only an escalated complaint "
                       + "is acknowledged by the supervisor (C14)")
               .expectNoEvents();
        fixture.given(received())
               .when(new RecordSupervisorInstructionsCommand(ID, "今天答复客户", true, "supervisor", T))
               .expectException(ruleIs("complaint-not-escalated"))
               .expectNoEvents();
    }

    @Test
    @DisplayName("C14 instructions need a text (400); each one is kept, also once the complaint is assigned")
    void instructionsNeedText() {
        fixture.given(received(), escalated())
               .when(new RecordSupervisorInstructionsCommand(ID, "  ", true, "supervisor", T.plusSeconds(120)))
               .expectException(InvalidRequest.class)
               .expectNoEvents();
        fixture.given(received(), escalated(),
                        new ComplaintAssignedEvent(ID, NUMBER, "security", "请处理", Priority.HIGH, "head",
                                T.plusSeconds(90)))
               .when(new RecordSupervisorInstructionsCommand(ID, " 今天答复客户，保留监控录像 ", true, "supervisor",
                       T.plusSeconds(120)))
               .expectEvents(new SupervisorInstructionsRecordedEvent(ID, NUMBER, Severity.MAJOR,
                       "今天答复客户，保留监控录像", "supervisor", T.plusSeconds(120)));
    }

    @Test
    @DisplayName("C14 C8 an archived complaint takes no more instructions: 409 complaint-archived")
    void archivedTakesNoInstructions() {
        fixture.given(received(), escalated(), new ComplaintArchivedEvent(ID, NUMBER, "aftersales", T.plusSeconds(600)))
               .when(new RecordSupervisorInstructionsCommand(ID, "再跟进", true, "supervisor", T.plusSeconds(700)))
               .expectException(ruleIs("complaint-archived"))
               .expectNoEvents();
    }

    private static org.hamcrest.Matcher<Throwable> ruleIs(String rule) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof RuleViolation violation && violation.rule().equals(rule);
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a RuleViolation of rule " + rule);
            }
        };
    }
}
