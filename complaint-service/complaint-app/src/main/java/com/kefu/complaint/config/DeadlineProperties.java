package com.kefu.complaint.config;

import com.kefu.complaint.api.Priority;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * How long a complaint may stay in each stage, by priority (C10): {@code kefu.complaints.deadline.limits.URGENT.RECEIVED:
 * 30m}. A stage without an entry has no deadline. {@code check} is how often the watch looks for stages whose
 * warning is due (C17) and for missed ones. The stages' times run round the clock, not by the mall's opening hours
 * (the README says why).
 */
@ConfigurationProperties("kefu.complaints.deadline")
public record DeadlineProperties(Map<Priority, Map<String, Duration>> limits, Duration check) {

    public DeadlineProperties {
        limits = limits == null ? Map.of() : Map.copyOf(limits);
        check = check == null ? Duration.ofSeconds(30) : check;
    }

    /**
     * When a stage entered at {@code enteredAt}, due at {@code dueAt}, is warned of (C17): once four fifths of its
     * time have gone, to the millisecond. The complaint holds the same rule when it records the warning.
     */
    public static Instant warningAt(Instant enteredAt, Instant dueAt) {
        long stage = Duration.between(enteredAt, dueAt).toMillis();
        return enteredAt.plusMillis(stage - stage / 5);
    }

    public Optional<Duration> limit(Priority priority, String stage) {
        return Optional.ofNullable(limits.getOrDefault(priority, Map.of()).get(stage));
    }

    /**
     * When a stage entered at {@code at} is due. A stage without a deadline is due far in the future: the complaint
     * still keeps its stage, so the next one finds it.
     */
    public Instant due(Priority priority, String stage, Instant at) {
        return limit(priority, stage).map(at::plus).orElse(at.plus(Duration.ofDays(36_500)));
    }
}
