package com.kefu.platform.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand, to reach deadlines without waiting for them. It either stands still where it was set
 * or runs on from there at the pace of real time ({@link #lateEvening()}); moving it keeps it standing or running.
 */
public final class MutableClock extends Clock {

    /** The mall's time zone, in which its days begin and end. */
    public static final ZoneId MALL = ZoneId.of("Asia/Shanghai");

    private static final LocalTime LATE_EVENING = LocalTime.of(23, 30);

    /** The instant the clock was set to, the system's nano time then, and whether it runs on from there. */
    private record Setting(Instant at, long nanos, boolean running) {

        Instant read() {
            return running ? at.plusNanos(System.nanoTime() - nanos) : at;
        }

        Setting at(Instant instant) {
            return new Setting(instant, System.nanoTime(), running);
        }
    }

    /** Shared with the views of this clock in other zones ({@link #withZone}): moving one moves them all. */
    private final AtomicReference<Setting> setting;
    private final ZoneId zone;

    /** A clock standing still at {@code start}. */
    public MutableClock(Instant start) {
        this(new AtomicReference<>(new Setting(start, System.nanoTime(), false)), ZoneOffset.UTC);
    }

    private MutableClock(AtomicReference<Setting> setting, ZoneId zone) {
        this.setting = setting;
        this.zone = zone;
    }

    /**
     * A running clock that starts at 23:30 in the mall's zone, on the first day on which that is at least a day after
     * the system's time: its day is never the system's day, whatever the hour the tests run at, and moving it a few
     * hours carries it past midnight. Code that takes the time from the system clock instead of the injected one
     * then fails every time, not only when the mall's day happens to differ.
     */
    public static MutableClock lateEvening() {
        Instant aDayAhead = Instant.now().plus(Duration.ofDays(1));
        LocalDate day = LocalDate.ofInstant(aDayAhead, MALL);
        Instant start = day.atTime(LATE_EVENING).atZone(MALL).toInstant();
        if (start.isBefore(aDayAhead)) {
            start = day.plusDays(1).atTime(LATE_EVENING).atZone(MALL).toInstant();
        }
        return new MutableClock(new AtomicReference<>(new Setting(start, System.nanoTime(), true)), ZoneOffset.UTC);
    }

    public void advance(Duration duration) {
        setting.updateAndGet(current -> current.at(current.read().plus(duration)));
    }

    /** Sets the time, also back: a test may register a complaint last month, then carry on today. */
    public void set(Instant instant) {
        setting.updateAndGet(current -> current.at(instant));
    }

    /** Stops the clock where it is, for a test that needs each step at an exact instant. */
    public void stop() {
        setting.updateAndGet(current -> new Setting(current.read(), System.nanoTime(), false));
    }

    /** The mall's day this clock is at. */
    public LocalDate today() {
        return LocalDate.ofInstant(instant(), MALL);
    }

    @Override
    public Instant instant() {
        return setting.get().read();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** This clock read in another zone ({@code LocalDate.now(clock.withZone(mall))}), moving with it. */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new MutableClock(setting, zone);
    }
}
