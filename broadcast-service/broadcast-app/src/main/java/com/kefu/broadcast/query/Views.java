package com.kefu.broadcast.query;

/**
 * The one processing group of every read model of the service: one pooled streaming processor keeps them all,
 * in batches, and a replay ({@code POST /admin/projections/broadcast-views/replay}) rebuilds them all together.
 * Every write is idempotent, so a batch handled again after a failure changes nothing.
 */
final class Views {

    static final String PROCESSING_GROUP = "broadcast-views";

    private Views() {
    }
}
