package com.kefu.membership.web;

import com.kefu.membership.api.Tier;
import com.kefu.membership.command.TierRules;
import com.kefu.membership.query.MemberQueries;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The tiers, their benefits and the points that reach them (M2): data the administrator keeps. */
@RestController
@RequestMapping("/api/tiers")
class TierController {

    private final MemberQueries queries;
    private final TierRules rules;

    TierController(MemberQueries queries, TierRules rules) {
        this.queries = queries;
        this.rules = rules;
    }

    /** @param pointsToReach {@code null}: the tier is given by decision only */
    record TierSettings(@Min(1) Long pointsToReach, @NotBlank @Size(max = 1000) String benefitsZh,
                        @NotBlank @Size(max = 1000) String benefitsRu) {
    }

    @Operation(summary = "Lists the membership tiers and their rules")
    @GetMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'AUDITOR', 'ADMIN')")
    List<MemberQueries.TierView> tiers() {
        return queries.tiers();
    }

    @Operation(summary = "Changes a membership tier's rules")
    @PutMapping("/{tier}")
    @PreAuthorize("hasRole('ADMIN')")
    List<MemberQueries.TierView> update(@PathVariable Tier tier, @Valid @RequestBody TierSettings settings) {
        rules.update(tier, settings.pointsToReach(), settings.benefitsZh(), settings.benefitsRu());
        return queries.tiers();
    }
}
