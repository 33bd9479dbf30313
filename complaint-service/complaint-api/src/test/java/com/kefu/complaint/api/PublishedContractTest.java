package com.kefu.complaint.api;

import com.kefu.platform.test.PublishedEventSchemas;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedContractTest {

    private static final String SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    @DisplayName("C13 C16 C17 every event published on complaint.events has a JSON schema that matches it")
    void schemasMatchTheEvents() throws Exception {
        assertThat(PublishedEventSchemas.check("com.kefu.complaint.api", ComplaintTopics.EVENTS, Map.of(
                "ComplaintReceived.number", "KF-202601-00001", "EnquiryReceived.number", "ZX-202601-00001",
                "ImprovementProposalRecorded.period", "2026-Q1",
                "ComplaintAttachmentAdded.sha256", SHA256, "EnquiryAttachmentAdded.sha256", SHA256)))
                .contains("ComplaintReceived", "ComplaintEscalated", "ComplaintAssigned", "ComplaintAcknowledged",
                        "ComplaintResolved", "ComplaintFollowedUp", "ComplaintReopened", "ComplaintArchived",
                        "ComplaintProgressRecorded", "ComplaintDeadlineMissed", "ComplaintDeadlineApproaching",
                        "ComplaintRulingRecorded",
                        "EnquiryReceived", "EnquiryAnswered", "EnquiryArchived", "ImprovementProposalRecorded",
                        "EscalationAcknowledged", "SupervisorInstructionsRecorded", "ComplaintAttachmentAdded",
                        "EnquiryAttachmentAdded");
    }
}
