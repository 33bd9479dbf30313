package com.kefu.platform.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What an operator needs of the event processors, at the cost of a field update per event: how many events each
 * processor handled and failed ({@code kefu.processor.events}, tags {@code processor}, {@code result}) and how old
 * the last event it took was ({@code kefu.processor.lag}, in ms: how far a list or a topic is behind the store).
 * <p>
 * Instead of Axon's own monitors ({@code axon.metrics.auto-configuration.enabled: false}): those time every command,
 * event and handler with percentile histograms and look their meters up by tags for every message, which took a
 * quarter of the relay's CPU and a tenth of the whole service's under intake load (JFR, issue 13). Commands are
 * timed once, by their HTTP request ({@code http.server.requests}).
 */
public class EventProcessorMetrics implements ConfigurerModule {

    private final MeterRegistry registry;

    public EventProcessorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                EventProcessor.class.isAssignableFrom(componentType)
                        ? new Monitor(registry, componentName)
                        : NoOpMessageMonitor.instance());
    }

    /** One processor's meters, registered once. */
    static final class Monitor implements MessageMonitor<Message<?>> {

        private final io.micrometer.core.instrument.Clock clock;
        private final AtomicLong lag = new AtomicLong();
        private final Counter handled;
        private final Counter failed;
        private final MonitorCallback callback = new MonitorCallback() {
            @Override
            public void reportSuccess() {
                handled.increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
                failed.increment();
            }

            @Override
            public void reportIgnored() {
                // not this processor's (another segment's, or a type it does not handle)
            }
        };

        Monitor(MeterRegistry registry, String processor) {
            this.clock = registry.config().clock();
            Gauge.builder("kefu.processor.lag", lag, AtomicLong::get)
                 .tag("processor", processor).baseUnit("milliseconds")
                 .description("age of the last event the processor took")
                 .register(registry);
            this.handled = Counter.builder("kefu.processor.events").tag("processor", processor)
                                  .tag("result", "success").register(registry);
            this.failed = Counter.builder("kefu.processor.events").tag("processor", processor)
                                 .tag("result", "failure").register(registry);
        }

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            if (message instanceof EventMessage<?> event) {
                lag.set(clock.wallTime() - event.getTimestamp().toEpochMilli());
            }
            return callback;
        }
    }
}
