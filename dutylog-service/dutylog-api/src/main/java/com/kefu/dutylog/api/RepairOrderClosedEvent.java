package com.kefu.dutylog.api;

import com.kefu.platform.contracts.DepartmentScoped;
import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** The department (engineering) closed the repair order, saying what it did (D16); it leaves the handover. */
@PublishedEvent(type = "RepairOrderClosed", version = 1)
public record RepairOrderClosedEvent(String repairOrderId, String department, String result, String closedBy,
                                     Instant closedAt) implements DepartmentScoped {
}
