package com.kefu.dutylog.api;

/** What a duty log entry is about (D2); OTHER is any other matter for management. */
public enum EntryCategory {
    COMPLAINT_CALL, THEFT, FIRE, WIND, WATER, ELECTRICITY, FIGHT, STAFF_VIOLATION, TENANT_MOVE_IN, TENANT_MOVE_OUT,
    CONSTRUCTION, OTHER
}
