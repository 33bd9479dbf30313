package com.kefu.dutylog.api;

/** The handover's preparation (篇4 B): the shift's records read, the items counted, the equipment checked. */
public record Preparation(boolean recordsRead, boolean itemsCounted, boolean equipmentChecked) {
}
