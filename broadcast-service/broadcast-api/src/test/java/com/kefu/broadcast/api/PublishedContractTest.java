package com.kefu.broadcast.api;

import com.kefu.platform.test.PublishedEventSchemas;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedContractTest {

    @Test
    @DisplayName("B3 B4 B7 every event published on broadcast.events has a JSON schema that matches it")
    void schemasMatchTheEvents() throws Exception {
        assertThat(PublishedEventSchemas.check("com.kefu.broadcast.api", BroadcastTopics.EVENTS))
                .contains("ScriptDrafted", "ScriptRevised", "ScriptSubmitted", "ScriptApproved", "ScriptRejected",
                        "ScriptWithdrawn", "ScriptAired", "EmergencyAired");
    }
}
