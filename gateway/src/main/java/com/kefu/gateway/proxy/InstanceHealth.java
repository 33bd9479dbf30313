package com.kefu.gateway.proxy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks each instance of every service the gateway balances whether it is ready ({@code /readyz}: the readiness group on
 * its API port, whatever port its actuator has), every {@code interval}, all at once, each allowed {@code timeout} to answer (R6). A process that is alive but hung or
 * frozen still accepts connections, so refusing them is not how it shows: without this the gateway went on sending it
 * every other request, and each waited for as long as the process stayed frozen. What is not ready is passed over by
 * {@link ServiceInstances} until it answers ready again; a change is logged once.
 */
final class InstanceHealth implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InstanceHealth.class);

    private final ServiceInstances instances;
    private final Duration interval;
    private final Duration timeout;
    private final HttpClient http;
    private final Set<URI> notReady = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService scheduler;

    InstanceHealth(ServiceInstances instances, Duration interval, Duration timeout) {
        this.instances = instances;
        this.interval = interval;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** One round: every instance asked at once, the answers (or their absence after {@code timeout}) applied. */
    void check() {
        Map<URI, CompletableFuture<Boolean>> answers = new HashMap<>();
        instances.instances().forEach(instance -> answers.put(instance, ask(instance)));
        instances.checkHealth(instance -> answers.get(instance).join());
    }

    private CompletableFuture<Boolean> ask(URI instance) {
        HttpRequest request = HttpRequest.newBuilder(instance.resolve("/readyz")).timeout(timeout)
                .GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() == 200)
                .exceptionally(e -> false)
                .thenApply(ready -> {
                    if (!ready && notReady.add(instance)) {
                        log.warn("{} is not ready (no answer within {}, or not UP); requests pass it over", instance,
                                timeout);
                    } else if (ready && notReady.remove(instance)) {
                        log.info("{} is ready again; it takes requests in turn", instance);
                    }
                    return ready;
                });
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "instance-health");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                log.warn("the instances' health could not be checked", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
