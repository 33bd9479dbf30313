package com.kefu.platform.axon;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.List;

/**
 * The {@code processors} part of readiness: out of service until every projection has handled the events stored before
 * the instance started ({@link ProcessorBacklog#behind()}), so a new instance takes no requests while its lists would
 * still answer from an old state. Not the relay: the service takes requests while the broker is away (the event store
 * is the outbox).
 */
public class ProcessorsHealth implements HealthIndicator {

    private final ProcessorBacklog backlog;

    public ProcessorsHealth(ProcessorBacklog backlog) {
        this.backlog = backlog;
    }

    @Override
    public Health health() {
        List<String> behind = backlog.behind();
        return behind.isEmpty() ? Health.up().build()
                : Health.outOfService().withDetail("behind", behind).build();
    }
}
