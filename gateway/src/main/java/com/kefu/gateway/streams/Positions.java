package com.kefu.gateway.streams;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a reader of one topic stands: per partition, the offset of the next record it has not yet seen. It is the
 * id of every department stream event ({@code 0:12,1:5,2:7}), so that a client reconnecting with
 * {@code Last-Event-ID} resumes exactly after what it was sent, on any gateway instance: offsets mean the same
 * to all of them.
 */
public record Positions(Map<Integer, Long> next) {

    private static final Pattern FORMAT = Pattern.compile("\\d{1,5}:\\d{1,19}(,\\d{1,5}:\\d{1,19}){0,999}");

    public Positions {
        next = Map.copyOf(next);
    }

    public static Positions none() {
        return new Positions(Map.of());
    }

    /** Reads a {@code Last-Event-ID}; a value this gateway did not write is refused. */
    public static Positions parse(String id) {
        if (id == null || !FORMAT.matcher(id).matches()) {
            throw new IllegalArgumentException("Last-Event-ID must be an id this stream sent, such as 0:12,1:5");
        }
        Map<Integer, Long> next = new TreeMap<>();
        for (String part : id.split(",")) {
            int colon = part.indexOf(':');
            try {
                next.put(Integer.parseInt(part.substring(0, colon)), Long.parseLong(part.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Last-Event-ID must be an id this stream sent, such as 0:12,1:5");
            }
        }
        return new Positions(next);
    }

    public long of(int partition) {
        return next.getOrDefault(partition, 0L);
    }

    public boolean knows(int partition) {
        return next.containsKey(partition);
    }

    /** This position, with each partition moved forward to {@code other}'s where that one is further. */
    public Positions max(Positions other) {
        Map<Integer, Long> merged = new TreeMap<>(next);
        other.next.forEach((partition, offset) -> merged.merge(partition, offset, Math::max));
        return new Positions(merged);
    }

    public Positions with(int partition, long nextOffset) {
        Map<Integer, Long> moved = new TreeMap<>(next);
        moved.put(partition, nextOffset);
        return new Positions(moved);
    }

    public String encode() {
        return new TreeMap<>(next).entrySet().stream()
                .map(entry -> entry.getKey() + ":" + entry.getValue())
                .collect(Collectors.joining(","));
    }
}
