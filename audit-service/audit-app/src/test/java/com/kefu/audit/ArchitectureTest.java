package com.kefu.audit;

import com.kefu.platform.test.ArchitectureRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The platform's one rule set ({@link ArchitectureRules}) over audit-service: it reads the other services' topics through their api only. */
class ArchitectureTest {

    @Test
    @DisplayName("other services only through their api; controllers send no commands")
    void keepsTheShape() {
        ArchitectureRules rules = ArchitectureRules.of("audit");
        rules.otherServicesOnlyThroughTheirApi();
        rules.controllersSendNoCommands();
    }
}
