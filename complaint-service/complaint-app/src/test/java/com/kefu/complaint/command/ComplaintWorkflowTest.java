package com.kefu.complaint.command;

import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.ComplaintAcknowledgedEvent;
import com.kefu.complaint.api.ComplaintArchivedEvent;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintEscalatedEvent;
import com.kefu.complaint.api.ComplaintFollowedUpEvent;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.ComplaintReopenedEvent;
import com.kefu.complaint.api.ComplaintResolvedEvent;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import com.kefu.complaint.command.WorkflowCommands.AcknowledgeComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.ArchiveComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.AssignComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.EscalateComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.FollowUpComplaintCommand;
import com.kefu.complaint.command.WorkflowCommands.ResolveComplaintCommand;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class ComplaintWorkflowTest {

    private static final String ID = "c-1";
    private static final String NUMBER = "KF-202611-00007";
    private static final Instant T = Instant.parse("2026-11-26T08:00:00Z");
    private AggregateTestFixture<Complaint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Complaint.class);
    }

    private static ComplaintReceivedEvent received(Severity severity, Priority priority) {
        return new ComplaintReceivedEvent(ID, NUMBER, Channel.VISIT, Category.PRODUCT_QUALITY, severity, priority,
                new CustomerReference("王芳", "138****5678", null), null, "坏了", "刚买的水壶漏水", "desk", T, null);
    }

    private static ComplaintAssignedEvent assigned(String department, Priority priority) {
        return new ComplaintAssignedEvent(ID, NUMBER, department, "请处理", priority, "aftersales", T.plusSeconds(60));
    }

    private static ComplaintAcknowledgedEvent acknowledged() {
        return new ComplaintAcknowledgedEvent(ID, "engineering", "收到", "engineering", T.plusSeconds(120));
    }

    private static ComplaintResolvedEvent resolved() {
        return new ComplaintResolvedEvent(ID, "engineering", "已更换", "engineering", T.plusSeconds(180));
    }

    @Test
    @DisplayName("C3 a MAJOR complaint cannot be assigned before it is escalated")
    void majorMustBeEscalatedFirst() {
        fixture.given(received(Severity.MAJOR, Priority.HIGH))
               .when(new AssignComplaintCommand(ID, "engineering", null, true, "head", T))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("complaint " + NUMBER
                       + " is MAJOR: it must be escalated to the supervisor before it is assigned (C3)");
    }

    @Test
    @DisplayName("C3 an escalated MAJOR complaint is assigned by the CS head, and by no one else")
    void majorIsAssignedByTheHead() {
        var escalated = new ComplaintEscalatedEvent(ID, NUMBER, Severity.MAJOR, "重大", "aftersales", T);
        fixture.given(received(Severity.MAJOR, Priority.HIGH), escalated)
               .when(new AssignComplaintCommand(ID, "engineering", null, false, "aftersales", T))
               .expectException(RuleViolation.class);
        fixture.given(received(Severity.MAJOR, Priority.HIGH), escalated)
               .when(new AssignComplaintCommand(ID, "engineering", "今天处理", true, "head", T.plusSeconds(60)))
               .expectEvents(new ComplaintAssignedEvent(ID, NUMBER, "engineering", "今天处理", Priority.HIGH, "head",
                       T.plusSeconds(60)));
    }

    @Test
    @DisplayName("C3 escalation goes to the supervisor and is recorded with its reason")
    void escalates() {
        fixture.given(received(Severity.MAJOR, Priority.HIGH))
               .when(new EscalateComplaintCommand(ID, "涉及安全", "aftersales", T))
               .expectEvents(new ComplaintEscalatedEvent(ID, NUMBER, Severity.MAJOR, "涉及安全", "aftersales", T));
    }

    @Test
    @DisplayName("C5 a NORMAL complaint is assigned to a department, which acknowledges it")
    void assignsAndAcknowledges() {
        fixture.given(received(Severity.NORMAL, Priority.NORMAL))
               .when(new AssignComplaintCommand(ID, "engineering", "请处理", false, "aftersales", T.plusSeconds(60)))
               .expectEvents(assigned("engineering", Priority.NORMAL));
        fixture.given(received(Severity.NORMAL, Priority.NORMAL), assigned("engineering", Priority.NORMAL))
               .when(new AcknowledgeComplaintCommand(ID, "engineering", "收到", "engineering", T.plusSeconds(120)))
               .expectEvents(acknowledged());
    }

    @Test
    @DisplayName("C5 S4 another department cannot act on the complaint: to it the complaint does not exist")
    void otherDepartmentsCannotAct() {
        fixture.given(received(Severity.NORMAL, Priority.NORMAL), assigned("engineering", Priority.NORMAL))
               .when(new AcknowledgeComplaintCommand(ID, "security", null, "security", T))
               .expectException(NotFound.class);
    }

    @Test
    @DisplayName("C6 the department reports its result, but only after acknowledging")
    void resolvesAfterAcknowledging() {
        fixture.given(received(Severity.NORMAL, Priority.NORMAL), assigned("engineering", Priority.NORMAL))
               .when(new ResolveComplaintCommand(ID, "engineering", "已更换", "engineering", T))
               .expectException(RuleViolation.class);
        fixture.given(received(Severity.NORMAL, Priority.NORMAL), assigned("engineering", Priority.NORMAL),
                       acknowledged())
               .when(new ResolveComplaintCommand(ID, "engineering", "已更换", "engineering", T.plusSeconds(180)))
               .expectEvents(resolved());
    }

    @Test
    @DisplayName("C7 a follow-up that does not reach the customer is recorded and the complaint waits for the next call")
    void unreachedCallIsAnAttempt() {
        fixture.given(received(Severity.NORMAL, Priority.NORMAL), assigned("engineering", Priority.NORMAL),
                       acknowledged(), resolved())
               .when(new FollowUpComplaintCommand(ID, false, null, "无人接听", null, "aftersales", T))
               .expectEvents(new ComplaintFollowedUpEvent(ID, false, null, "无人接听", false, "aftersales", T))
               .expectState(complaint -> org.assertj.core.api.Assertions.assertThat(complaint.status())
                                                                        .isEqualTo(ComplaintStatus.RESOLVED));
    }

    @Test
    @DisplayName("C7 an unsatisfied customer (satisfaction 1-2) reopens the complaint to the department")
    void unsatisfiedReopens() {
        fixture.given(received(Severity.NORMAL, Priority.NORMAL), assigned("engineering", Priority.NORMAL),
                       acknowledged(), resolved())
               .when(new FollowUpComplaintCommand(ID, true, 2, "还是漏水", null, "aftersales", T))
               .expectEvents(new ComplaintFollowedUpEvent(ID, true, 2, "还是漏水", false, "aftersales", T),
                       new ComplaintReopenedEvent(ID, "engineering", "the customer is not satisfied: 还是漏水", T))
               .expectState(complaint -> org.assertj.core.api.Assertions.assertThat(complaint.status())
                                                                        .isEqualTo(ComplaintStatus.ASSIGNED));
    }

    @Test
    @DisplayName("C7 C8 a satisfied follow-up lets the complaint be archived; archived, it refuses every change")
    void archivesAndFreezes() {
        var satisfied = new ComplaintFollowedUpEvent(ID, true, 5, "满意", true, "aftersales", T);
        fixture.given(received(Severity.NORMAL, Priority.NORMAL), assigned("engineering", Priority.NORMAL),
                       acknowledged(), resolved(), satisfied)
               .when(new ArchiveComplaintCommand(ID, "aftersales", T))
               .expectEvents(new ComplaintArchivedEvent(ID, NUMBER, "aftersales", T));
        fixture.given(received(Severity.NORMAL, Priority.NORMAL), assigned("engineering", Priority.NORMAL),
                       acknowledged(), resolved(), satisfied, new ComplaintArchivedEvent(ID, NUMBER, "aftersales", T))
               .when(new EscalateComplaintCommand(ID, "again", "aftersales", T))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("complaint " + NUMBER
                       + " is archived: its handling form is filed and it cannot change (C8)");
    }

    @Test
    @DisplayName("C4 a VIP complaint cannot be archived before a follow-up finds the customer satisfied")
    void vipNeedsSatisfaction() {
        fixture.given(received(Severity.NORMAL, Priority.URGENT), assigned("engineering", Priority.URGENT),
                       acknowledged(), resolved())
               .when(new ArchiveComplaintCommand(ID, "aftersales", T))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("complaint " + NUMBER + " is RESOLVED: a VIP complaint is archived only "
                       + "once a follow-up call found the customer satisfied (C4)");
    }

    @Test
    @DisplayName("C13 no step can be skipped: a received complaint cannot be resolved or archived")
    void noSkipping() {
        fixture.given(received(Severity.NORMAL, Priority.NORMAL))
               .when(new ResolveComplaintCommand(ID, null, "done", "head", T))
               .expectException(RuleViolation.class);
        fixture.given(received(Severity.NORMAL, Priority.NORMAL))
               .when(new ArchiveComplaintCommand(ID, "aftersales", T))
               .expectException(RuleViolation.class);
    }

    @Test
    @DisplayName("C5 the department records what it does, once it has acknowledged the complaint")
    void recordsProgress() {
        fixture.given(received(Severity.NORMAL, Priority.NORMAL), assigned("engineering", Priority.NORMAL))
               .when(new WorkflowCommands.RecordProgressCommand(ID, "engineering", "关阀门", "engineering", T))
               .expectException(RuleViolation.class);
        fixture.given(received(Severity.NORMAL, Priority.NORMAL), assigned("engineering", Priority.NORMAL),
                       acknowledged())
               .when(new WorkflowCommands.RecordProgressCommand(ID, "engineering", "关阀门", "engineering", T))
               .expectEvents(new com.kefu.complaint.api.ComplaintProgressRecordedEvent(ID, "engineering", "关阀门",
                       "engineering", T));
    }

    @Test
    @DisplayName("C10 a missed deadline is recorded once per stage, and not for a stage the complaint has left")
    void deadlineMissedOncePerStage() {
        Instant entered = T; // the stage began at the instant the event says it was received
        var missed = new com.kefu.complaint.api.ComplaintDeadlineMissedEvent(ID, NUMBER, "RECEIVED", Priority.NORMAL,
                null, entered.plusSeconds(3600), T);
        fixture.given(received(Severity.NORMAL, Priority.NORMAL))
               .when(new WorkflowCommands.RecordDeadlineMissedCommand(ID, "RECEIVED", entered,
                       entered.plusSeconds(3600), T))
               .expectEvents(missed);
        fixture.given(received(Severity.NORMAL, Priority.NORMAL), missed)
               .when(new WorkflowCommands.RecordDeadlineMissedCommand(ID, "RECEIVED", entered,
                       entered.plusSeconds(3600), T))
               .expectNoEvents();
        fixture.given(received(Severity.NORMAL, Priority.NORMAL), assigned("engineering", Priority.NORMAL))
               .when(new WorkflowCommands.RecordDeadlineMissedCommand(ID, "RECEIVED", entered,
                       entered.plusSeconds(3600), T))
               .expectNoEvents();
    }

    @Test
    @DisplayName("C9 CS_HEAD rules on a dispute between a customer and a merchant; a complaint without parties has no ruling")
    void rulesOnDisputes() {
        var dispute = new com.kefu.complaint.api.Dispute(com.kefu.complaint.api.Party.CUSTOMER,
                com.kefu.complaint.api.Party.MERCHANT);
        var disputed = new ComplaintReceivedEvent(ID, NUMBER, Channel.VISIT, Category.MERCHANT_DISPUTE,
                Severity.NORMAL, Priority.NORMAL, new CustomerReference("王芳", "138****5678", null),
                new com.kefu.complaint.api.Merchant("A-1024", "茶叶店"), "退货纠纷", "商户拒绝退货", "desk", T, dispute);
        fixture.given(disputed)
               .when(new WorkflowCommands.RecordRulingCommand(ID, "商户七日内退货", "head", T))
               .expectEvents(new com.kefu.complaint.api.ComplaintRulingRecordedEvent(ID, NUMBER, dispute, "商户七日内退货",
                       "head", T));
        fixture.given(received(Severity.NORMAL, Priority.NORMAL))
               .when(new WorkflowCommands.RecordRulingCommand(ID, "?", "head", T))
               .expectException(RuleViolation.class);
    }
}
