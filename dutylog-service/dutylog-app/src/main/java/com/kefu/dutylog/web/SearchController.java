package com.kefu.dutylog.web;

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

import static com.kefu.dutylog.web.Access.READERS;

/**
 * The search of lost items (issue 19; the gateway routes {@code /api/search?kind=lost-item} here): by the words of
 * the description and of where the item was found, Chinese, Russian or Latin; {@code status} (the custody: STORED,
 * RETURNED, DISPOSED) filters. For those who read the lost items ({@link LostItemController}); the claimant is not
 * searched.
 */
@RestController
@RequestMapping("/api/search")
class SearchController {

    private static final String LOST_ITEM = "lost-item";

    private final SearchIndex index;

    SearchController(SearchIndex index) {
        this.index = index;
    }

    @Operation(summary = "Searches lost items by description and where they were found")
    @GetMapping
    @PreAuthorize(READERS)
    Page<SearchHit> search(@RequestParam(required = false) String kind,
                           @RequestParam(required = false) String q,
                           @RequestParam(required = false) @Pattern(regexp = "STORED|RETURNED|DISPOSED") String status,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String asked = SearchIndex.checkedKind(kind, Set.of(LOST_ITEM));
        String text = SearchIndex.checkedText(q);
        return index.search(new SearchIndex.Query(List.of(asked), text, status, null), page, size);
    }
}
