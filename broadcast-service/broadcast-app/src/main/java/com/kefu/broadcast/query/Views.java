package com.kefu.broadcast.query;

/**
 * The one processing group of every read model of the service: a subscribing processor keeps them all in the
 * command's own transaction (a read right after a write sees it), and a rebuild
 * ({@code POST /admin/projections/broadcast-views/replay}) replays them all together. Every write is idempotent,
 * so an event handled again during a rebuild changes nothing.
 */
final class Views {

    static final String PROCESSING_GROUP = "broadcast-views";

    private Views() {
    }
}
