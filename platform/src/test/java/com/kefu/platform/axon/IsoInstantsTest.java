package com.kefu.platform.axon;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoInstantsTest {

    @Test
    void readsWhatTheEventStoreAndTheMapperWrite() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(-62_135_596_800L, 253_402_300_799L); // years 1 to 9999
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(IsoInstants.utc(instant.toString())).as(instant.toString()).isEqualTo(instant);
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(IsoInstants.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void everyFractionLength() {
        assertThat(IsoInstants.utc("2026-12-06T23:30:00.5Z")).isEqualTo(Instant.parse("2026-12-06T23:30:00.5Z"));
        assertThat(IsoInstants.utc("2026-12-06T23:30:00.123456789Z"))
                .isEqualTo(Instant.parse("2026-12-06T23:30:00.123456789Z"));
        assertThat(IsoInstants.utc("2026-12-06T23:30:00Z")).isEqualTo(Instant.parse("2026-12-06T23:30:00Z"));
    }

    @Test
    void otherShapesGoTheFormattersWay() {
        assertThat(IsoInstants.utc("2026-12-07T07:30:00+08:00")).isNull();
        assertThat(IsoInstants.parse("2026-12-07T07:30:00+08:00")).isEqualTo(Instant.parse("2026-12-06T23:30:00Z"));
        assertThat(IsoInstants.utc("2026-12-06T23:30:00.Z")).isNull();
        assertThat(IsoInstants.utc("2026-12-06T23:30:00.1234567890Z")).isNull();
        assertThat(IsoInstants.utc("2026-02-30T00:00:00Z")).isNull();
        assertThat(IsoInstants.utc("2026-12-06T24:00:00Z")).isNull();
        assertThat(IsoInstants.utc("2026-12-06 23:30:00Z")).isNull();
        assertThat(IsoInstants.utc("2026-1a-06T23:30:00Z")).isNull();
        assertThatThrownBy(() -> IsoInstants.parse("2026-02-30T00:00:00Z")).isInstanceOf(DateTimeException.class);
    }
}
