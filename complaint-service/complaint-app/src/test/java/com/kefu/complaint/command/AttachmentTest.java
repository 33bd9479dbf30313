package com.kefu.complaint.command;

import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.ComplaintArchivedEvent;
import com.kefu.complaint.api.ComplaintAssignedEvent;
import com.kefu.complaint.api.ComplaintAttachmentAddedEvent;
import com.kefu.complaint.api.ComplaintFollowedUpEvent;
import com.kefu.complaint.api.ComplaintReceivedEvent;
import com.kefu.complaint.api.CustomerReference;
import com.kefu.complaint.api.EnquiryAnsweredEvent;
import com.kefu.complaint.api.EnquiryArchivedEvent;
import com.kefu.complaint.api.EnquiryAttachmentAddedEvent;
import com.kefu.complaint.api.EnquiryReceivedEvent;
import com.kefu.complaint.api.EnquiryStage;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.Severity;
import com.kefu.complaint.command.AttachmentCommands.AddComplaintAttachmentCommand;
import com.kefu.complaint.command.AttachmentCommands.AddEnquiryAttachmentCommand;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

/** C16: a file attached to a complaint or an enquiry is an event of that record, refused once it is archived. */
class AttachmentTest {

    private static final String ID = "c-1";
    private static final String NUMBER = "KF-202611-00009";
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Instant T = Instant.parse("2026-11-26T08:00:00Z");

    private static final ComplaintReceivedEvent RECEIVED = new ComplaintReceivedEvent(ID, NUMBER, Channel.LETTER,
            Category.PRODUCT_QUALITY, Severity.NORMAL, Priority.NORMAL, new CustomerReference("王芳", "138****5678", null),
            null, "发票", "附发票", "desk", T, null);
    private static final ComplaintAssignedEvent ASSIGNED = new ComplaintAssignedEvent(ID, NUMBER, "engineering",
            null, Priority.NORMAL, "aftersales", T.plusSeconds(60));

    private static AddComplaintAttachmentCommand add(String actingDepartment, String actor) {
        return new AddComplaintAttachmentCommand(ID, actingDepartment, "a-1", "image/png", 70, SHA, actor,
                T.plusSeconds(300));
    }

    @Test
    @DisplayName("C16 a file attached to a complaint is an event with its type, size and SHA-256 and the department "
            + "holding it")
    void attachedToAComplaint() {
        new AggregateTestFixture<>(Complaint.class).given(RECEIVED)
                .when(add(null, "desk"))
                .expectEvents(new ComplaintAttachmentAddedEvent(ID, null, "a-1", "image/png", 70, SHA, "desk",
                        T.plusSeconds(300)));
        new AggregateTestFixture<>(Complaint.class).given(RECEIVED, ASSIGNED)
                .when(add("engineering", "eng"))
                .expectEvents(new ComplaintAttachmentAddedEvent(ID, "engineering", "a-1", "image/png", 70, SHA, "eng",
                        T.plusSeconds(300)));
    }

    @Test
    @DisplayName("C16 S4 a department attaches only to a complaint it holds: to it another's does not exist")
    void otherDepartmentsComplaint() {
        new AggregateTestFixture<>(Complaint.class).given(RECEIVED, ASSIGNED)
                .when(add("security", "guard"))
                .expectException(NotFound.class);
    }

    @Test
    @DisplayName("C8 C16 nothing is attached to an archived complaint: its handling form is filed")
    void archivedComplaint() {
        new AggregateTestFixture<>(Complaint.class).given(RECEIVED, ASSIGNED,
                        new ComplaintFollowedUpEvent(ID, true, 5, "好", true, "aftersales", T.plusSeconds(120)),
                        new ComplaintArchivedEvent(ID, NUMBER, "aftersales", T.plusSeconds(180)))
                .when(add(null, "desk"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("complaint " + NUMBER
                        + " is archived: its handling form is filed and it cannot change (C8)");
    }

    private static final EnquiryReceivedEvent ENQUIRY = new EnquiryReceivedEvent("e-1", "ZX-202611-00001",
            Channel.LETTER, EnquiryStage.AFTER_SALE, new CustomerReference("李明", "139****0000", null), "保修?",
            "desk", T);

    @Test
    @DisplayName("C12 C16 a file attached to an enquiry is an event; an archived enquiry takes none")
    void attachedToAnEnquiry() {
        var add = new AddEnquiryAttachmentCommand("e-1", "a-2", "application/pdf", 900, SHA, "desk", T);
        new AggregateTestFixture<>(Enquiry.class).given(ENQUIRY)
                .when(add)
                .expectEvents(new EnquiryAttachmentAddedEvent("e-1", "a-2", "application/pdf", 900, SHA, "desk", T));
        new AggregateTestFixture<>(Enquiry.class).given(ENQUIRY, new EnquiryAnsweredEvent("e-1", "有", "desk", T),
                        new EnquiryArchivedEvent("e-1", "desk", T))
                .when(add)
                .expectException(RuleViolation.class)
                .expectExceptionMessage("enquiry ZX-202611-00001 is archived and cannot change (C12)");
    }
}
