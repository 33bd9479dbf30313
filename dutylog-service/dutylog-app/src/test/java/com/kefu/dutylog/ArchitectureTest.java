package com.kefu.dutylog;

import com.kefu.dutylog.query.DutyDayDigest;
import com.kefu.dutylog.query.DutyDayQueries;
import com.kefu.dutylog.query.LostItemQueries;
import com.kefu.dutylog.query.OpenEmergencies;
import com.kefu.dutylog.query.ShiftQueries;
import com.kefu.platform.test.ArchitectureRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The platform's one rule set ({@link ArchitectureRules}) over dutylog-service. */
class ArchitectureTest {

    private final ArchitectureRules rules = ArchitectureRules.of("dutylog");

    @Test
    @DisplayName("web → command and query; projections do not reach into the aggregates; other services only through their api; controllers send no commands")
    void keepsTheShape() {
        rules.queryDoesNotUseCommand();
        rules.otherServicesOnlyThroughTheirApi();
        rules.controllersSendNoCommands();
    }

    /**
     * The duty desk decides where a call or an incident goes by which shift is open, and seals a day over what it
     * holds: those views are kept by the {@code shift-view} and {@code duty-records} processors, which
     * {@code application.yml} runs subscribing, in the command's own transaction, and every duty-log write holds the
     * desk's lock ({@code DutyDeskLock}), so they never lag behind the store. ({@link OpenEmergencies} also lists the
     * major complaints the consumer recorded: what a handover reports, not what it decides on.)
     */
    @Test
    @DisplayName("the command side reads no view but those kept in the command's own transaction")
    void commandReadsOnlyViewsKeptInTransaction() {
        rules.commandDoesNotReadViews(ShiftQueries.class, OpenEmergencies.class, DutyDayQueries.class,
                DutyDayDigest.class, LostItemQueries.class);
    }
}
