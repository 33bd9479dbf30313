package com.kefu.dutylog.web;

/** Who may do what in the duty log (REQUIREMENTS.md, "Roles"). */
final class Access {

    /** Staff on duty write the log, report incidents, hand over and keep lost and found. */
    static final String WRITERS = "hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER')";
    /**
     * The log is read by its writers, the supervisor and the auditor (who changes nothing). The supervisor reads
     * what the log is kept for management to see (篇3 C), incidents reported to them (篇2 B 3]) and the lost items
     * handed to them (篇2 S, D9).
     */
    static final String READERS =
            "hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'SUPERVISOR', 'AUDITOR')";
    /** Who is told at once of a guest taken ill or drunk, or an accident, and acknowledges it (篇2 B3, D14). */
    static final String NOTIFIED = "hasAnyRole('CS_MANAGER', 'CS_HEAD')";
    /**
     * Repair orders are read by the duty log's readers and by departments' users, who see only their own department's
     * (D16).
     */
    static final String REPAIR_READERS =
            "hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'SUPERVISOR', 'AUDITOR', 'DEPARTMENT')";
    /** A department's users (engineering) acknowledge and close the repair orders sent to it (D16). */
    static final String DEPARTMENT = "hasRole('DEPARTMENT')";
    /** Tasks from superiors are written down by the desk and by the superiors themselves (D19). */
    static final String TASK_GIVERS =
            "hasAnyRole('FRONT_DESK', 'AFTER_SALES', 'CS_HEAD', 'CS_MANAGER', 'SUPERVISOR')";
    /** Only the customer-service manager signs a day (D5). */
    static final String MANAGER = "hasRole('CS_MANAGER')";

    private Access() {
    }
}
