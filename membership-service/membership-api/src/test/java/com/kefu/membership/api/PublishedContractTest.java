package com.kefu.membership.api;

import com.kefu.platform.test.PublishedEventSchemas;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedContractTest {

    @Test
    @DisplayName("M4 every event published on membership.events has a JSON schema that matches it")
    void schemasMatchTheEvents() throws Exception {
        assertThat(PublishedEventSchemas.check("com.kefu.membership.api", MembershipTopics.EVENTS,
                Map.of("MemberRegistered.cardNumber", "800000000001"))).contains("MemberRegistered", "MemberTierChanged", "MemberDetailsChanged", "MemberCardReplaced",
                "MemberStatusChanged", "MemberPointsChanged", "GiftCampaignStarted", "GiftStockAdded", "GiftHandedOut",
                "ServiceRequestRegistered", "ServiceRequestCompleted", "ServiceRequestCancelled");
    }
}
