package com.kefu.platform.audit;

import com.kefu.platform.contracts.audit.AuditTopics;
import com.kefu.platform.test.PublishedEventSchemas;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChainHeadContractTest {

    @Test
    @DisplayName("A1 the chain head every service publishes on audit.chain-heads has a JSON schema that matches it")
    void schemaMatchesTheEvent() throws Exception {
        assertThat(PublishedEventSchemas.check("com.kefu.platform.contracts.audit", AuditTopics.CHAIN_HEADS,
                Map.of("ChainHeadRecorded.service", "complaint",
                        "ChainHeadRecorded.head", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")))
                .containsExactly("ChainHeadRecorded");
    }
}
