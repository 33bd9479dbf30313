package com.kefu.platform.axon;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EventProcessorMetricsTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

    @Test
    void countsWhatTheProcessorHandledAndHowOldTheLastEventWas() {
        var monitor = new EventProcessorMetrics.Monitor(registry, "complaint-statistics");
        Instant written = Instant.ofEpochMilli(clock.wallTime());
        clock.add(250, TimeUnit.MILLISECONDS);

        monitor.onMessageIngested(event("a", written)).reportSuccess();
        monitor.onMessageIngested(event("b", written)).reportFailure(new IllegalStateException("handler failed"));
        monitor.onMessageIngested(event("c", written)).reportIgnored();

        assertThat(registry.get("kefu.processor.lag").tag("processor", "complaint-statistics").gauge().value())
                .isEqualTo(250.0);
        assertThat(registry.get("kefu.processor.events").tags("processor", "complaint-statistics", "result", "success")
                .counter().count()).isEqualTo(1.0);
        assertThat(registry.get("kefu.processor.events").tags("processor", "complaint-statistics", "result", "failure")
                .counter().count()).isEqualTo(1.0);
    }

    private static GenericEventMessage<String> event(String payload, Instant at) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), payload, Map.of(), at);
    }
}
