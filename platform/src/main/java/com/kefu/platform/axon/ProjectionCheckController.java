package com.kefu.platform.axon;

import com.kefu.platform.relay.EventRelay;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.rules.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code POST /api/audit/{service}/projections/{name}/check} (A3), AUDITOR and ADMIN, through the gateway (which sends
 * {@code /api/audit/complaint/**} to complaint-service and so on; a service answers only for its own name): the
 * projection rebuilt from the event store into a shadow copy and compared with the live one ({@link ProjectionCheck}),
 * changing nothing of the live one. The projections are those of {@code /admin/projections} ({@link
 * ProjectionController}); the relay is none. One check of a projection at a time.
 */
@RestController
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
public class ProjectionCheckController {

    private final EventProcessingConfiguration processing;
    private final Function<AbstractEventProcessor, ProjectionCheck> checkOf;
    private final String service;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public ProjectionCheckController(EventProcessingConfiguration processing,
                                     Function<AbstractEventProcessor, ProjectionCheck> checkOf, String service) {
        this.processing = processing;
        this.checkOf = checkOf;
        this.service = service;
    }

    @Operation(summary = "Rebuilds a projection into a shadow copy from the event store and compares it with the live "
            + "one: equal, or the first difference")
    @PostMapping("/api/audit/{service}/projections/{name}/check")
    public ProjectionCheck.Result check(@PathVariable String service, @PathVariable String name) {
        if (!this.service.equals(service)) {
            throw new NotFound("this is the " + this.service + " service; ask /api/audit/" + this.service
                    + "/projections/" + name + "/check");
        }
        if (EventRelay.PROCESSING_GROUP.equals(name)) {
            throw new RuleViolation("relay-not-a-projection",
                    "the relay publishes the events and keeps no view: there is nothing to compare");
        }
        EventProcessor processor = processing.eventProcessor(name)
                .orElseThrow(() -> new NotFound("no projection " + name + " in " + this.service));
        if (!(processor instanceof AbstractEventProcessor projection)
                || !projection.eventHandlerInvoker().supportsReset()) {
            throw new RuleViolation("projection-not-checkable", "projection " + name
                    + " cannot be rebuilt: it has no reset handler to name its tables");
        }
        if (!running.add(name)) {
            throw new RuleViolation("projection-check-running", "projection " + name
                    + " is being checked already; ask again when that check has answered");
        }
        try {
            return checkOf.apply(projection).run();
        } finally {
            running.remove(name);
        }
    }
}
