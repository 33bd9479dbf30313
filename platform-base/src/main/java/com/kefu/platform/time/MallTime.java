package com.kefu.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The mall's time, one for every process: the injected {@link Clock} (tests put their own in its place), the mall's
 * time zone ({@code kefu.mall.zone}) and what follows from the two: now, today's date in the mall, the day an instant
 * falls on, and the instants a day begins and ends. A day is counted in the mall's zone, never in the server's.
 */
public final class MallTime {

    private final Clock clock;
    private final ZoneId zone;

    public MallTime(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Today's date in the mall. */
    public LocalDate today() {
        return dayOf(clock.instant());
    }

    /** The mall's date at {@code at}. */
    public LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** The instant {@code day} begins in the mall; no day (an open bound of a range) is null. */
    public Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    /** The instant {@code day} ends in the mall (the next day's start, excluded); no day is null. */
    public Instant endOf(LocalDate day) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
