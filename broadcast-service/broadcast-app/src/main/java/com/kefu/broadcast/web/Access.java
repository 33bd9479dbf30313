package com.kefu.broadcast.web;

/**
 * Who may do what (REQUIREMENTS.md, Roles): the broadcaster writes scripts, keeps the plan, logs what aired and
 * the equipment; the supervisor approves; the auditor and the head of customer service (who answers for the
 * broadcast plan) read.
 */
final class Access {

    static final String BROADCASTER = "hasRole('BROADCASTER')";
    static final String SUPERVISOR = "hasRole('SUPERVISOR')";
    static final String BROADCASTER_OR_SUPERVISOR = "hasAnyRole('BROADCASTER', 'SUPERVISOR')";
    static final String READERS = "hasAnyRole('BROADCASTER', 'SUPERVISOR', 'AUDITOR', 'CS_HEAD')";

    private Access() {
    }
}
