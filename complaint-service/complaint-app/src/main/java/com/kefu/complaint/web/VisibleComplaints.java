package com.kefu.complaint.web;

import com.kefu.complaint.query.ComplaintQueries;
import com.kefu.complaint.query.ComplaintView;
import com.kefu.platform.rules.NotFound;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.security.Roles;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which complaints the signed-in user may see (S4): a DEPARTMENT user only those its own department holds, and to it
 * any other does not exist (404, not 403); every other role that reads complaints, all of them. One rule for the
 * complaint itself and for what hangs off it (its attachments, C16).
 */
@Component
class VisibleComplaints {

    private final ComplaintQueries queries;

    VisibleComplaints(ComplaintQueries queries) {
        this.queries = queries;
    }

    /** Whether the signed-in user may see a complaint as the view holds it. */
    static Predicate<ComplaintView> toCaller() {
        CurrentUser user = CurrentUser.get();
        String own = user.hasRole(Roles.DEPARTMENT) ? user.ownDepartment() : null;
        return complaint -> own == null || Objects.equals(complaint.department(), own);
    }

    /** The complaint now, if the signed-in user may see it; else 404. */
    ComplaintView require(String id) {
        return queries.find(id).filter(toCaller()).orElseThrow(() -> new NotFound("no complaint " + id));
    }
}
