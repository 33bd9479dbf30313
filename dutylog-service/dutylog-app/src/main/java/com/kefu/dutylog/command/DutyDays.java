package com.kefu.dutylog.command;

import com.kefu.dutylog.config.DutylogProperties;
import com.kefu.dutylog.query.DutyDayDigest;
import com.kefu.dutylog.query.DutyDayQueries;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.web.RuleViolation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The manager's signature and the seal it puts on a day (D5). A write into a day and the signature of that day
 * take the same lock, so a write either lands before the signature (and in its digest) or is refused after it.
 */
@Service
public class DutyDays {

    private static final int DUTY_DAY_LOCKS = 0x64617973; // "days"

    private final Commands commands;
    private final DutyDayQueries days;
    private final DutyDayDigest digests;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DutylogProperties properties;

    DutyDays(Commands commands, DutyDayQueries days, DutyDayDigest digests, JdbcTemplate jdbc, Clock clock,
             DutylogProperties properties) {
        this.commands = commands;
        this.days = days;
        this.digests = digests;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    public LocalDate dayOf(Instant at) {
        return at.atZone(properties.zone()).toLocalDate();
    }

    public LocalDate today() {
        return dayOf(clock.instant());
    }

    /** Locks the day until the transaction ends and refuses the write if the day is sealed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireUnsealed(LocalDate day) {
        if (isSealed(day)) {
            var signature = days.signature(day).orElseThrow();
            throw new RuleViolation("day-sealed", "the duty log of " + day + " was signed by "
                    + signature.signedBy() + " at " + signature.signedAt()
                    + " and is sealed: nothing more is written into it (D5)");
        }
    }

    /** Locks the day until the transaction ends and answers whether it is sealed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean isSealed(LocalDate day) {
        jdbc.query("select pg_advisory_xact_lock(?, ?)", rs -> null, DUTY_DAY_LOCKS, (int) day.toEpochDay());
        return days.signature(day).isPresent();
    }

    @Transactional
    public DutyDayQueries.Signature sign(LocalDate day) {
        if (day.isAfter(today())) {
            throw new IllegalArgumentException("the duty log of " + day + " cannot be signed before the day begins");
        }
        requireUnsealed(day);
        DutyDayDigest.Digest digest = digests.of(day);
        String manager = CurrentUser.get().username();
        Instant now = clock.instant();
        commands.send(new SignDutyDayCommand(day, digest.sha256(), digest.entries(), manager, now));
        return new DutyDayQueries.Signature(manager, now, digest.sha256(), digest.entries());
    }
}
