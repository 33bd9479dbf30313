package com.kefu.deploy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PathBenchmarkWarmUpTest {

    @Test
    @DisplayName("P1 the warm-up calls a slowly rising rate not steady: the last two rounds must each be within 5 % of the round three back")
    void steadyLooksThreeRoundsBack() {
        // the rounds of the 2026-12-07 run that the old rule called steady after 240 s
        assertThat(PathBenchmark.steady(List.of(63.0, 112.0, 117.0, 134.0, 124.0, 145.0, 152.0, 149.0))).isFalse();
        assertThat(PathBenchmark.steady(List.of(500.0, 520.0, 510.0))).isFalse();
        assertThat(PathBenchmark.steady(List.of(300.0, 500.0, 520.0, 490.0, 510.0))).isTrue();
        assertThat(PathBenchmark.steady(List.of(500.0, 520.0, 490.0, 530.0))).isFalse();
        assertThat(PathBenchmark.steady(List.of(500.0, 520.0, 440.0, 510.0))).isFalse();
    }
}
