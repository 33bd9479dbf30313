package com.kefu.broadcast.api;

/**
 * Where broadcast-service publishes: every published event of every script, keyed by script id, and every
 * emergency airing, keyed by its emergency id.
 */
public final class BroadcastTopics {

    public static final String EVENTS = "broadcast.events";

    private BroadcastTopics() {
    }
}
