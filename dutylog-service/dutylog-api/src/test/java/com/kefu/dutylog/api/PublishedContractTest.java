package com.kefu.dutylog.api;

import com.kefu.platform.test.PublishedEventSchemas;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedContractTest {

    private static final String DIGEST = "ab".repeat(32);

    @Test
    @DisplayName("every event published on dutylog.events has a JSON schema that matches it")
    void schemasMatchTheEvents() throws Exception {
        assertThat(PublishedEventSchemas.check("com.kefu.dutylog.api", DutylogTopics.EVENTS, Map.of(
                "DutyDaySigned.digest", DIGEST, "AddendumSigned.digest", DIGEST, "AddendumSigned.previousDigest", DIGEST,
                "IncidentPhotoAttached.sha256", DIGEST))).containsExactlyInAnyOrder(
                "ShiftOpened", "EntryRecorded", "EntryCorrected", "MattersCarriedOver", "ShiftHandedOver",
                "IncidentReported", "IncidentPhotoAttached", "IncidentResolved", "DutyDaySigned", "AddendumEntryRecorded",
                "AddendumSigned", "IncidentNoticeSent", "IncidentNoticeAcknowledged", "RepairOrderOpened",
                "RepairOrderAcknowledged", "RepairOrderClosed", "FireChecklistOpened", "FireStepDone", "FireStepNotNeeded");
    }
}
