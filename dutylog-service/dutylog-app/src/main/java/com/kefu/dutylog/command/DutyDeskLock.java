package com.kefu.dutylog.command;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duty desk's lock, held until the transaction ends. Opening shifts, handing over, reporting incidents and
 * taking complaint calls take it: a handover sees every incident reported before it, and a call lands either in a
 * shift being opened or in the waiting list that shift drains.
 */
@Component
public class DutyDeskLock {

    private static final long DUTY_DESK_LOCK = 0x6475_7479L; // "duty"

    private final JdbcTemplate jdbc;

    DutyDeskLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void lock() {
        jdbc.execute("select pg_advisory_xact_lock(" + DUTY_DESK_LOCK + ")");
    }
}
