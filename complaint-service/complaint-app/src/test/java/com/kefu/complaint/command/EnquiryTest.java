package com.kefu.complaint.command;

import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.EnquiryAnsweredEvent;
import com.kefu.complaint.api.EnquiryArchivedEvent;
import com.kefu.complaint.api.EnquiryReceivedEvent;
import com.kefu.complaint.api.EnquiryStage;
import com.kefu.complaint.command.EnquiryCommands.AnswerEnquiryCommand;
import com.kefu.complaint.command.EnquiryCommands.ArchiveEnquiryCommand;
import com.kefu.complaint.command.EnquiryCommands.RegisterEnquiryCommand;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class EnquiryTest {

    private static final Instant T = Instant.parse("2026-11-26T09:00:00Z");
    private static final EnquiryReceivedEvent RECEIVED = new EnquiryReceivedEvent("e-1", "ZX-202611-00001",
            Channel.PHONE, EnquiryStage.PRE_SALE, new CustomerReference("李明", "139****0000", null),
            "几点关门? / Во сколько закрываетесь?", "desk", T);
    private AggregateTestFixture<Enquiry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Enquiry.class);
    }

    @Test
    @DisplayName("C12 an enquiry is registered, answered and archived")
    void receivedAnsweredArchived() {
        fixture.givenNoPriorActivity()
               .when(new RegisterEnquiryCommand("e-1", "ZX-202611-00001", Channel.PHONE, EnquiryStage.PRE_SALE,
                       "李明", "13900000000", "几点关门? / Во сколько закрываетесь?", "desk", T))
               .expectEvents(new EnquiryReceivedEvent("e-1", "ZX-202611-00001", Channel.PHONE, EnquiryStage.PRE_SALE,
                       new CustomerReference("李明", "139****0000", null), "几点关门? / Во сколько закрываетесь?", "desk",
                       T, "13900000000"));
        fixture.given(RECEIVED)
               .when(new AnswerEnquiryCommand("e-1", "晚上九点 / в 21:00", "desk", T))
               .expectEvents(new EnquiryAnsweredEvent("e-1", "晚上九点 / в 21:00", "desk", T));
        fixture.given(RECEIVED, new EnquiryAnsweredEvent("e-1", "晚上九点", "desk", T))
               .when(new ArchiveEnquiryCommand("e-1", "desk", T))
               .expectEvents(new EnquiryArchivedEvent("e-1", "desk", T));
    }

    @Test
    @DisplayName("C12 an unanswered enquiry is not archived; an archived one does not change")
    void noSkipping() {
        fixture.given(RECEIVED)
               .when(new ArchiveEnquiryCommand("e-1", "desk", T))
               .expectException(RuleViolation.class);
        fixture.given(RECEIVED, new EnquiryAnsweredEvent("e-1", "晚上九点", "desk", T),
                       new EnquiryArchivedEvent("e-1", "desk", T))
               .when(new AnswerEnquiryCommand("e-1", "十点", "desk", T))
               .expectException(RuleViolation.class);
    }
}
