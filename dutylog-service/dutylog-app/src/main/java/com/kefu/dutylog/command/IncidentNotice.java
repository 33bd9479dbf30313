package com.kefu.dutylog.command;

import com.kefu.platform.security.Roles;
import com.kefu.platform.rules.RuleViolation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is to be told of an incident at once (篇2 B3, D14): the CS manager and the CS head, each role told once a
 * person of it acknowledges.
 */
final class IncidentNotice {

    /** The roles 篇2 B3 names: 客服经理 and 客服主管 (the department's head). */
    static final List<String> NOTIFY = List.of(Roles.CS_MANAGER, Roles.CS_HEAD);

    private final Map<String, String> told = new LinkedHashMap<>();

    /** The roles of {@code callerRoles} still to be told; refused when every one of them has been told. */
    List<String> toAcknowledge(String incidentId, List<String> callerRoles) {
        List<String> roles = NOTIFY.stream().filter(callerRoles::contains).toList();
        List<String> waiting = roles.stream().filter(role -> !told.containsKey(role)).toList();
        if (waiting.isEmpty()) {
            throw new RuleViolation("notice-acknowledged", "the notice of incident " + incidentId + " was already "
                    + "acknowledged for " + String.join(" and ", roles.stream().map(r -> r + " " + told.get(r))
                    .toList()) + " (D14)");
        }
        return waiting;
    }

    void told(String role, String how) {
        told.put(role, how);
    }
}
