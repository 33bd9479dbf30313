package com.kefu.platform.axon;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Instants in UTC as the event store and the events' mapper write them ({@code 2026-12-06T21:41:57.032Z}), read
 * without a {@link DateTimeFormatter}: every event read (an aggregate loaded, a processor's batch, a record's
 * history) parses its time stamp and the instants of its payload, and the formatter's parse cost a fifth of a
 * 200-event history's CPU. Anything of another shape (an offset, a leap second, a date that does not exist) goes
 * the formatter's way, so both read the same instant or fail alike.
 */
public final class IsoInstants {

    private static final int[] SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private IsoInstants() {
    }

    /** The instant {@code text} names, in ISO-8601 with an offset ({@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}). */
    public static Instant parse(CharSequence text) {
        Instant utc = utc(text);
        return utc != null ? utc : DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}, with one to nine digits of fraction; null for anything else. */
    static Instant utc(CharSequence text) {
        int length = text.length();
        if (length < 20 || length == 21 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || (length > 20 && text.charAt(19) != '.')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int fraction = length > 20 ? digits(text, 20, length - 21) : 0;
        if ((year | month | day | hour | minute | second | fraction) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        int nanos = length > 20 ? fraction * SCALE[length - 22] : 0;
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number of {@code count} digits at {@code from}; -1 where one is not a digit. */
    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
