package com.kefu.platform.axon;

import com.kefu.platform.relay.EventRelay;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.rules.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The service's projections and their rebuild, on the service's own port for ADMIN: a projection is reset (its
 * reset handler empties its tables) and replays the whole event store from the start. A streaming projection
 * replays itself; a view kept in the command's own transaction (subscribing) is rebuilt by a {@link ViewRebuild}.
 * The relay is not a projection: replaying it would publish every event again, so it refuses.
 */
@RestController
@RequestMapping("/admin/projections")
@PreAuthorize("hasRole('ADMIN')")
public class ProjectionController {

    public static final String REPLAYS = "kefu.projection.replays";
    public static final String REPLAYING = "kefu.projection.replaying";
    private static final Logger log = LoggerFactory.getLogger(ProjectionController.class);

    private final EventProcessingConfiguration processing;
    private final Function<SubscribingEventProcessor, ViewRebuild> rebuildOf;
    private final Map<String, ViewRebuild> rebuilds = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    public ProjectionController(EventProcessingConfiguration processing,
                                Function<SubscribingEventProcessor, ViewRebuild> rebuildOf, MeterRegistry registry) {
        this.processing = processing;
        this.rebuildOf = rebuildOf;
        this.registry = registry;
        Gauge.builder(REPLAYING, this, controller -> controller.list().stream().filter(Projection::replaying).count())
             .description("projections replaying or being rebuilt now").register(registry);
    }

    /** A replay or rebuild started, by projection ({@value #REPLAYS}). */
    private void counted(String name) {
        replays(registry, name).increment();
    }

    /** The projection's count of replays; {@link ProcessorBacklog} registers every projection's at 0 when ready. */
    static Counter replays(MeterRegistry registry, String name) {
        return Counter.builder(REPLAYS).tag("projection", name).description("projection replays and rebuilds started")
                      .register(registry);
    }

    /**
     * @param replaying     whether it is still replaying events it had handled before its reset
     * @param inTransaction whether it is kept in the command's own transaction (a read by id right after a write
     *                      sees it)
     */
    public record Projection(String name, boolean running, boolean replaying, int segments, boolean inTransaction) {
    }

    @Operation(summary = "Lists the projections with their state")
    @GetMapping
    public List<Projection> list() {
        return processing.eventProcessors().values().stream()
                .map(this::projection)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(Projection::name))
                .toList();
    }

    private Optional<Projection> projection(EventProcessor processor) {
        if (processor instanceof StreamingEventProcessor streaming) {
            return Optional.of(new Projection(streaming.getName(), streaming.isRunning(), streaming.isReplaying(),
                    streaming.processingStatus().size(), false));
        }
        if (processor instanceof SubscribingEventProcessor view) {
            ViewRebuild rebuild = rebuilds.get(view.getName());
            return Optional.of(new Projection(view.getName(), view.isRunning(), rebuild != null && rebuild.running(),
                    0, true));
        }
        return Optional.empty();
    }

    @Operation(summary = "Shows one projection's state")
    @GetMapping("/{name}")
    public Projection get(@PathVariable String name) {
        return list().stream().filter(projection -> projection.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFound("no projection " + name));
    }

    /** Resets the projection and starts its replay; answers before the replay ends (see {@code replaying}). */
    @Operation(summary = "Resets a projection and starts its replay")
    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Projection replay(@PathVariable String name) {
        if (EventRelay.PROCESSING_GROUP.equals(name)) {
            throw new RuleViolation("relay-not-replayable",
                    "the relay publishes the events: replaying it would publish every event again");
        }
        EventProcessor processor = processing.eventProcessor(name)
                .orElseThrow(() -> new NotFound("no projection " + name));
        if (processor instanceof SubscribingEventProcessor view && view.eventHandlerInvoker().supportsReset()) {
            log.info("rebuilding view {}", name);
            counted(name);
            rebuilds.computeIfAbsent(name, ignored -> rebuildOf.apply(view)).start();
            return get(name);
        }
        if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.supportsReset()) {
            throw new RuleViolation("projection-not-replayable", "projection " + name + " cannot be reset");
        }
        log.info("replaying projection {}", name);
        counted(name);
        streaming.shutDown();
        streaming.resetTokens();
        streaming.start();
        return get(name);
    }
}
