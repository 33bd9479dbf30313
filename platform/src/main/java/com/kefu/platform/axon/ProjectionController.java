package com.kefu.platform.axon;

import com.kefu.platform.relay.EventRelay;
import com.kefu.platform.web.NotFound;
import com.kefu.platform.web.RuleViolation;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
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

import java.util.List;

/**
 * The service's projections (streaming event processors), and their rebuild: a projection is reset (its reset
 * handler empties its tables) and replays the whole event store from the start, on the service's own port for
 * ADMIN. The relay is not a projection: replaying it would publish every event again, so it refuses.
 */
@RestController
@RequestMapping("/admin/projections")
@PreAuthorize("hasRole('ADMIN')")
public class ProjectionController {

    private static final Logger log = LoggerFactory.getLogger(ProjectionController.class);

    private final EventProcessingConfiguration processing;

    public ProjectionController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** @param replaying whether it is still replaying events it had handled before its reset */
    public record Projection(String name, boolean running, boolean replaying, int segments) {
    }

    @GetMapping
    public List<Projection> list() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(processor -> new Projection(processor.getName(), processor.isRunning(), processor.isReplaying(),
                        processor.processingStatus().size()))
                .sorted(java.util.Comparator.comparing(Projection::name))
                .toList();
    }

    @GetMapping("/{name}")
    public Projection get(@PathVariable String name) {
        return list().stream().filter(projection -> projection.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFound("no projection " + name));
    }

    /** Resets the projection and starts its replay; answers before the replay ends (see {@code replaying}). */
    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Projection replay(@PathVariable String name) {
        if (EventRelay.PROCESSING_GROUP.equals(name)) {
            throw new RuleViolation("relay-not-replayable",
                    "the relay publishes the events: replaying it would publish every event again");
        }
        EventProcessor processor = processing.eventProcessor(name)
                .orElseThrow(() -> new NotFound("no projection " + name));
        if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.supportsReset()) {
            throw new RuleViolation("projection-not-replayable", "projection " + name + " cannot be reset");
        }
        log.info("replaying projection {}", name);
        streaming.shutDown();
        streaming.resetTokens();
        streaming.start();
        return get(name);
    }
}
