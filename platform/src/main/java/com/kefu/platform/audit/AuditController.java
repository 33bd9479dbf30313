package com.kefu.platform.audit;

import com.kefu.platform.rules.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/{service}/verify} (A1), AUDITOR and ADMIN: the check of this service's event store. The gateway
 * sends {@code /api/audit/complaint/**} to complaint-service and so on; a service answers only for its own name.
 */
@RestController
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
public class AuditController {

    private final EventChain chain;
    private final String service;

    public AuditController(EventChain chain, String service) {
        this.chain = chain;
        this.service = service;
    }

    @Operation(summary = "Verifies the service's event chain and names the first changed or missing event")
    @GetMapping("/api/audit/{service}/verify")
    public EventChain.Verification verify(@PathVariable String service) {
        if (!this.service.equals(service)) {
            throw new NotFound("this is the " + this.service + " service; ask /api/audit/" + this.service + "/verify");
        }
        return chain.verify();
    }
}
