package com.kefu.dutylog.api;

import com.kefu.platform.contracts.DepartmentScoped;
import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/**
 * A fault found on the desk's round of the lobby became a repair order to {@code department} (engineering) (D16,
 * 第三章二 7): which facility ({@code item}), what is wrong ({@code fault}), found on which round, by whom and when.
 */
@PublishedEvent(type = "RepairOrderOpened", version = 1)
public record RepairOrderOpenedEvent(String repairOrderId, String roundId, String area, String item, String fault,
                                     String department, String openedBy, Instant openedAt)
        implements DepartmentScoped {
}
