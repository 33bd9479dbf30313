package com.kefu.gateway.notifications;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationPropertiesTest {

    @Test
    @DisplayName("a failed e-mail waits retry-backoff after its first attempt, twice as long after each further one, "
            + "never longer than max-backoff; by default 8 attempts, the three topics, e-mail on")
    void backoffDoublesUpToItsMaximum() {
        var properties = new NotificationProperties(null, null, null, null, null, null, null, null,
                Duration.ofSeconds(30), Duration.ofMinutes(5));
        List<Duration> waits = IntStream.rangeClosed(1, 7).mapToObj(properties::backoffAfter).toList();
        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                Duration.ofSeconds(240), Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5));
        assertThat(properties.maxAttempts()).isEqualTo(8);
        assertThat(properties.enabled()).isTrue();
        assertThat(properties.topics()).containsExactly("complaint.events", "dutylog.events", "broadcast.events");
    }
}
