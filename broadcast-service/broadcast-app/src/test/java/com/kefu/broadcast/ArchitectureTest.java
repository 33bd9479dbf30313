package com.kefu.broadcast;

import com.kefu.platform.test.ArchitectureRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The platform's one rule set ({@link ArchitectureRules}) over broadcast-service. */
class ArchitectureTest {

    @Test
    @DisplayName("web → command and query; neither of those reaches into the other; other services only through their api; controllers send no commands")
    void keepsTheShape() {
        ArchitectureRules.of("broadcast").checkAll();
    }
}
