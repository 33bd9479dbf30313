package com.kefu.complaint.command;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** C2: numbers {@code KF-YYYYMM-NNNNN}, the month the mall's. */
class ComplaintNumbersTest {

    private static final ZoneId MALL = ZoneId.of("Asia/Shanghai");

    @Test
    void c2TheMonthIsTheMallsAtMidnight() {
        assertThat(ComplaintNumbers.month(Instant.parse("2026-11-30T15:59:59Z"), MALL)).isEqualTo("202611");
        assertThat(ComplaintNumbers.month(Instant.parse("2026-11-30T16:00:00Z"), MALL)).isEqualTo("202612");
        assertThat(ComplaintNumbers.month(Instant.parse("2026-12-31T16:00:00Z"), MALL)).isEqualTo("202701");
    }

    @Test
    void c2FiveDigitsAtLeast() {
        assertThat(ComplaintNumbers.fiveDigits(1)).isEqualTo("00001");
        assertThat(ComplaintNumbers.fiveDigits(42_137)).isEqualTo("42137");
        assertThat(ComplaintNumbers.fiveDigits(123_456)).isEqualTo("123456");
    }
}
