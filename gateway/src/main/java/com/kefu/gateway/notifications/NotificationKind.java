package com.kefu.gateway.notifications;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an audience may be told of (README "Notifications"), each from one published event: a complaint assigned to a
 * department ({@code ComplaintAssigned}, C5), four fifths of a stage's time gone ({@code ComplaintDeadlineApproaching},
 * C17), a stage's deadline missed ({@code ComplaintDeadlineMissed}, C10), a MAJOR complaint escalated
 * ({@code ComplaintEscalated}, C3), a fire reported ({@code IncidentReported} of category FIRE, D10), a script handed
 * in for approval ({@code ScriptSubmitted}, B3).
 */
enum NotificationKind {

    ASSIGNED("assigned", true),
    DEADLINE_APPROACHING("deadline-approaching", true),
    DEADLINE_MISSED("deadline-missed", true),
    ESCALATED("escalated", false),
    FIRE("fire", false),
    SCRIPT_AWAITING_APPROVAL("script-awaiting-approval", false);

    static final List<String> IDS = Arrays.stream(values()).map(NotificationKind::id).toList();

    private final String id;
    private final boolean ofADepartment;

    NotificationKind(String id, boolean ofADepartment) {
        this.id = id;
        this.ofADepartment = ofADepartment;
    }

    /** As the API and the console name it. */
    String id() {
        return id;
    }

    /**
     * Whether it concerns one department (the complaint's): a department's subscription then covers its own
     * complaints only; otherwise (an escalation, a fire, a script) a department subscribed to it hears of every one.
     */
    boolean ofADepartment() {
        return ofADepartment;
    }

    static Optional<NotificationKind> of(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
    }
}
