package com.kefu.dutylog.command;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.dutylog.command.DutyDayCommands.RecordAddendumEntryCommand;
import com.kefu.dutylog.command.DutyDayCommands.SignAddendumCommand;
import com.kefu.dutylog.query.DutyDayDigest;
import com.kefu.dutylog.query.DutyDayQueries;
import com.kefu.platform.axon.Commands;
import com.kefu.platform.security.CurrentUser;
import com.kefu.platform.time.MallTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The manager's signature and the seal it puts on a day (D5), and the day's addenda (D12): a write into a signed day
 * is never refused, it enters the day's addendum, which the manager signs in turn. A write into a day and the
 * signature of that day take the same lock, so a write either lands on the day's pages before the signature (and in
 * its digest) or in the addendum after it.
 */
@Service
public class DutyDays {

    private static final int DUTY_DAY_LOCKS = 0x64617973; // "days"

    private final Commands commands;
    private final DutyDayQueries days;
    private final DutyDayDigest digests;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MallTime mallTime;

    DutyDays(Commands commands, DutyDayQueries days, DutyDayDigest digests, JdbcTemplate jdbc, Clock clock,
             MallTime mallTime) {
        this.commands = commands;
        this.days = days;
        this.digests = digests;
        this.jdbc = jdbc;
        this.clock = clock;
        this.mallTime = mallTime;
    }

    /** Where an entry was written: on its day's pages ({@code addendum} null) or into the day's addendum (D12). */
    public record Written(String entryId, LocalDate dutyDay, Integer addendum) {
    }

    public LocalDate dayOf(Instant at) {
        return mallTime.dayOf(at);
    }

    public LocalDate today() {
        return dayOf(clock.instant());
    }

    /** Locks the day until the transaction ends and answers whether it is sealed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean isSealed(LocalDate day) {
        jdbc.query("select pg_advisory_xact_lock(?, ?)", rs -> null, DUTY_DAY_LOCKS, (int) day.toEpochDay());
        return days.signature(day).isPresent();
    }

    /** Writes into the addendum of a day found sealed under its lock ({@link #isSealed}) in this transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Written addToAddendum(RecordAddendumEntryCommand entry) {
        int addendum = commands.send(entry);
        return new Written(entry.entryId(), entry.date(), addendum);
    }

    /** As {@link #addToAddendum(RecordAddendumEntryCommand)}, sent by {@code actor}: a consumer, not a caller. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Written addToAddendum(String actor, RecordAddendumEntryCommand entry) {
        int addendum = commands.sendAs(actor, null, entry);
        return new Written(entry.entryId(), entry.date(), addendum);
    }

    /**
     * Signs the day (D5) or, once it is signed, what was written into it since: its open addendum, chained to the
     * signature before (D12). Refused when the day is signed and nothing was written since.
     */
    @Transactional
    public void sign(LocalDate day) {
        if (day.isAfter(today())) {
            throw new InvalidRequest("the duty log of " + day + " cannot be signed before the day begins");
        }
        String manager = CurrentUser.get().username();
        Instant now = clock.instant();
        if (isSealed(day)) {
            DutyDayQueries.OpenAddendum open = days.openAddendum(day).orElseThrow();
            DutyDayDigest.Digest digest = digests.addendum(day, open.number(), open.previousDigest());
            commands.send(new SignAddendumCommand(day, open.number(), digest.sha256(), open.previousDigest(),
                    digest.entries(), manager, now));
            return;
        }
        DutyDayDigest.Digest digest = digests.of(day);
        commands.send(new SignDutyDayCommand(day, digest.sha256(), digest.entries(), manager, now));
    }
}
