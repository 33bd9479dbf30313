package com.kefu.membership.web;

import com.kefu.platform.query.Page;
import com.kefu.platform.search.SearchHit;
import com.kefu.platform.search.SearchIndex;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/**
 * The search of members (issue 19; the gateway routes {@code /api/search?kind=member} here): by card number (a
 * replaced card no longer), phone in any format (the last ten digits) and full name, both by their keyed hashes only;
 * {@code status} filters. For those who read the member list ({@link MemberReadController}); the member masked (PD1).
 */
@RestController
@RequestMapping("/api/search")
class SearchController {

    private static final String MEMBER = "member";

    private final SearchIndex index;

    SearchController(SearchIndex index) {
        this.index = index;
    }

    @Operation(summary = "Searches members by card number, phone or full name")
    @GetMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'AUDITOR')")
    Page<SearchHit> search(@RequestParam(required = false) String kind,
                           @RequestParam(required = false) String q,
                           @RequestParam(required = false) @Pattern(regexp = "ACTIVE|SUSPENDED|CANCELLED") String status,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String asked = SearchIndex.checkedKind(kind, Set.of(MEMBER));
        String text = SearchIndex.checkedText(q);
        return index.search(new SearchIndex.Query(List.of(asked), text, status, null), page, size);
    }
}
