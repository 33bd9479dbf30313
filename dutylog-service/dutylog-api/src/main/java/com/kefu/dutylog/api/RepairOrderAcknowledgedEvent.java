package com.kefu.dutylog.api;

import com.kefu.platform.contracts.DepartmentScoped;
import com.kefu.platform.contracts.PublishedEvent;

import java.time.Instant;

/** The department (engineering) acknowledged the repair order: it has it and will repair (D16). */
@PublishedEvent(type = "RepairOrderAcknowledged", version = 1)
public record RepairOrderAcknowledgedEvent(String repairOrderId, String department, String note,
                                           String acknowledgedBy, Instant acknowledgedAt)
        implements DepartmentScoped {
}
