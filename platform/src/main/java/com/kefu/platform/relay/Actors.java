package com.kefu.platform.relay;

import java.util.List;

/**
 * Names of the metadata every command carries into its events: who did it, from which department, and the W3C trace
 * context of the request or record that caused it. The web layer adds them to each command; Axon copies them into the
 * events it causes; the relay puts the trace context on the Kafka record's headers.
 */
public final class Actors {

    public static final String ACTOR = "actor";
    public static final String DEPARTMENT = "actorDepartment";
    /** The W3C {@code traceparent} (version, trace id, parent span id, flags), under its header's own name. */
    public static final String TRACEPARENT = "traceparent";
    /** The W3C {@code tracestate}, when the caller sent one. */
    public static final String TRACESTATE = "tracestate";
    /** The trace context's fields: metadata keys and Kafka header names alike. */
    public static final List<String> TRACE_FIELDS = List.of(TRACEPARENT, TRACESTATE);

    private Actors() {
    }
}
