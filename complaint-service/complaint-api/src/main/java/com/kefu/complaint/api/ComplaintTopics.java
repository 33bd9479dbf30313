package com.kefu.complaint.api;

/** Where complaint-service publishes: every published event of every complaint, keyed by complaint id. */
public final class ComplaintTopics {

    public static final String EVENTS = "complaint.events";

    private ComplaintTopics() {
    }
}
