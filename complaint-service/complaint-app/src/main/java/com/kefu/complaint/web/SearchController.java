package com.kefu.complaint.web;

import com.kefu.platform.query.Page;
import com.kefu.platform.rules.InvalidRequest;
import com.kefu.platform.search.SearchHit;
import com.kefu.platform.search.SearchIndex;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The search of complaints and enquiries (issue 19; the gateway routes {@code /api/search} here for
 * {@code kind=complaint}, {@code kind=enquiry} and any kind it does not know). A complaint is found by its number,
 * its customer's phone (any format: the last ten digits) or full name (by their keyed hashes only), the words of its
 * subject and description, its shop's number and name; {@code status} and {@code department} filter. An enquiry by its
 * number, its customer's phone or full name, the words of its question. Each as its own list: a DEPARTMENT user finds
 * only its own department's complaints, whatever it asks (S4), and no enquiries (403, as on their list).
 */
@RestController
@RequestMapping("/api/search")
class SearchController {

    private static final String COMPLAINT = "complaint";
    private static final String ENQUIRY = "enquiry";
    private static final Set<String> KINDS = new LinkedHashSet<>(List.of(COMPLAINT, ENQUIRY));
    /** Those who read the enquiry list ({@link EnquiryController}). */
    private static final List<String> ENQUIRY_READERS = List.of(Roles.FRONT_DESK, Roles.AFTER_SALES, Roles.CS_HEAD,
            Roles.CS_MANAGER, Roles.SUPERVISOR, Roles.AUDITOR);

    private final SearchIndex index;

    SearchController(SearchIndex index) {
        this.index = index;
    }

    @Operation(summary = "Searches complaints (a department its own only) or enquiries by number, phone, name or text",
            description = "kind: complaint or enquiry here; through the gateway also member (membership-service: "
                    + "card, phone, full name) and lost-item (dutylog-service: description, where found), with the "
                    + "same answer; status and department filter complaints")
    @GetMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'SUPERVISOR', 'AUDITOR', "
            + "'DEPARTMENT')")
    Page<SearchHit> search(@RequestParam(required = false) String kind,
                           @RequestParam(required = false) String q,
                           @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,20}") String status,
                           @RequestParam(required = false) @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String department,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String asked = SearchIndex.checkedKind(kind, KINDS);
        CurrentUser user = CurrentUser.get();
        String visibleDepartment = department;
        if (ENQUIRY.equals(asked)) {
            if (ENQUIRY_READERS.stream().noneMatch(user::hasRole)) {
                throw new AccessDeniedException("enquiries are not the department's to read");
            }
            if (department != null) {
                throw new InvalidRequest("department: an enquiry has none; search complaints by department");
            }
        } else if (user.hasRole(Roles.DEPARTMENT)) {
            visibleDepartment = user.ownDepartment();
        }
        String text = SearchIndex.checkedText(q);
        return index.search(new SearchIndex.Query(List.of(asked), text, status, visibleDepartment), page, size);
    }
}
