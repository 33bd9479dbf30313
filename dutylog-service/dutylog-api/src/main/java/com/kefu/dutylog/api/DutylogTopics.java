package com.kefu.dutylog.api;

/** Where dutylog-service publishes: shifts, entries and incidents, keyed by shift or incident id. */
public final class DutylogTopics {

    public static final String EVENTS = "dutylog.events";

    private DutylogTopics() {
    }
}
