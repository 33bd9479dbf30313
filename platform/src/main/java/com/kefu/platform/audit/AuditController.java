package com.kefu.platform.audit;

import com.kefu.platform.rules.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/audit/{service}/verify} (A1), AUDITOR and ADMIN: the check of this service's event store, and of the
 * store against the heads it published on the audit topic. The gateway sends {@code /api/audit/complaint/**} to
 * complaint-service and so on; a service answers only for its own name.
 */
@RestController
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
public class AuditController {

    private static final Logger log = LoggerFactory.getLogger(AuditController.class);

    private final EventChain chain;
    private final ChainHeads heads;
    private final String service;

    public AuditController(EventChain chain, ChainHeads heads, String service) {
        this.chain = chain;
        this.heads = heads;
        this.service = service;
    }

    @Operation(summary = "Verifies the service's event chain and names the first changed or missing event")
    @GetMapping("/api/audit/{service}/verify")
    public EventChain.Verification verify(@PathVariable String service) {
        if (!this.service.equals(service)) {
            throw new NotFound("this is the " + this.service + " service; ask /api/audit/" + this.service + "/verify");
        }
        if (heads == null) {
            return chain.verify();
        }
        List<EventChain.PublishedHead> published;
        try {
            published = heads.published();
        } catch (RuntimeException e) {
            log.warn("the check of {} runs without the published heads: {}", service, e.getMessage());
            return chain.verify(List.of(), "the published heads cannot be read now: " + e.getMessage());
        }
        return chain.verify(published, null);
    }
}
