package com.kefu.dutylog.config;

import com.kefu.platform.time.MallTime;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The posts' shift times (正点交接, 篇4 A, D15): when a shift of a post is to be handed over. A shift opened at a
 * post is due at the first of its times more than {@link #EARLY_START} after it opened: a page opened by a handover a
 * little before or after a shift time runs to the next one.
 */
@Component
public class ShiftTimes {

    /** A shift opened up to this long before a shift time belongs to the shift that begins then. */
    static final Duration EARLY_START = Duration.ofHours(1);

    private final Map<String, List<LocalTime>> times;
    private final DutylogProperties properties;
    private final MallTime mallTime;

    ShiftTimes(DutylogProperties properties, MallTime mallTime) {
        this.properties = properties;
        this.mallTime = mallTime;
        this.times = properties.shiftTimes().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getValue().stream().map(String::trim).map(LocalTime::parse).sorted().toList()));
    }

    /** When a shift of {@code post} opened at {@code openedAt} is due; empty for a post without shift times. */
    public Optional<Instant> due(String post, Instant openedAt) {
        List<LocalTime> postTimes = times.getOrDefault(post, List.of());
        if (postTimes.isEmpty()) {
            return Optional.empty();
        }
        ZonedDateTime after = openedAt.plus(EARLY_START).atZone(mallTime.zone());
        for (LocalDate day = after.toLocalDate(); ; day = day.plusDays(1)) {
            for (LocalTime time : postTimes) {
                ZonedDateTime candidate = day.atTime(time).atZone(mallTime.zone());
                if (candidate.isAfter(after)) {
                    return Optional.of(candidate.toInstant());
                }
            }
        }
    }

    /** Past this, a handover due at {@code due} is late. */
    public Instant lateAfter(Instant due) {
        return due.plus(properties.handoverGrace());
    }
}
