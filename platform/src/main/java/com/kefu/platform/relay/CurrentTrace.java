package com.kefu.platform.relay;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.HashMap;
import java.util.Map;

/**
 * The W3C trace context of the work at hand (the HTTP request, the Kafka record being consumed), as the fields a
 * command's metadata and a record's headers carry ({@link Actors#TRACE_FIELDS}): so one request can be followed from
 * the gateway through the service's events and across Kafka into the consumers' logs and events. Without a tracer
 * (tracing off) there is none.
 */
public final class CurrentTrace {

    /** No tracer: commands carry no trace context. */
    public static final CurrentTrace NONE = new CurrentTrace(null, null);

    private final Tracer tracer;
    private final Propagator propagator;

    public CurrentTrace(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The fields of the current span's context ({@code traceparent}…); empty outside any trace. */
    public Map<String, String> current() {
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null || propagator == null) {
            return Map.of();
        }
        Map<String, String> fields = new HashMap<>();
        propagator.inject(span.context(), fields, (carrier, key, value) -> {
            if (Actors.TRACE_FIELDS.contains(key) && value != null && !value.isEmpty()) {
                carrier.put(key, value);
            }
        });
        return fields;
    }
}
