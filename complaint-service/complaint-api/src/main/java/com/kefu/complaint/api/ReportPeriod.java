package com.kefu.complaint.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period of the statistics (C11): a month {@code 2026-11}, a quarter {@code 2026-Q4} or a year
 * {@code 2026}, as days of the mall's calendar (their instants are the mall clock's: {@code MallTime}).
 *
 * @param first its first day, @param last its last day (inclusive)
 */
public record ReportPeriod(String name, LocalDate first, LocalDate last) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])))?");

    /** @throws IllegalArgumentException naming the accepted forms when {@code text} is none of them */
    public static ReportPeriod parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text.trim());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("period: '" + text
                    + "' is not a month (2026-11), a quarter (2026-Q4) or a year (2026)");
        }
        int year = Integer.parseInt(matcher.group(1));
        if (matcher.group(2) != null) {
            YearMonth month = YearMonth.of(year, Integer.parseInt(matcher.group(2)));
            return new ReportPeriod(month.toString(), month.atDay(1), month.atEndOfMonth());
        }
        if (matcher.group(3) != null) {
            int quarter = Integer.parseInt(matcher.group(3));
            YearMonth start = YearMonth.of(year, quarter * 3 - 2);
            return new ReportPeriod(year + "-Q" + quarter, start.atDay(1), start.plusMonths(2).atEndOfMonth());
        }
        return new ReportPeriod(String.valueOf(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The months it covers, in order. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(first); !month.isAfter(YearMonth.from(last)); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }
}
