package com.kefu.membership.api;

/** Where membership-service publishes: every published event of every member, keyed by member id. */
public final class MembershipTopics {

    public static final String EVENTS = "membership.events";

    private MembershipTopics() {
    }
}
