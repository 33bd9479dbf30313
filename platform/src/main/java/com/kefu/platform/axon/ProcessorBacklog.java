package com.kefu.platform.axon;

import com.kefu.platform.relay.EventRelay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How many stored events each streaming processor has still to handle ({@value #METER}, tag {@code processor}): the
 * events of the store after the lowest position its segments' tokens hold, whichever instance claims them. For the
 * relay ({@code kafka-relay}) that is the relay lag: events stored but not yet on the topic. Read from the database at
 * most every {@code refresh}, when the meter is scraped; while the database cannot be read the meter has no value (NaN).
 * <p>
 * {@link #behind()} names the projections that have not yet handled every event stored before this instance started:
 * the processors' part of readiness ({@link ProcessorsHealth}).
 */
public class ProcessorBacklog implements ApplicationListener<ApplicationReadyEvent> {

    public static final String METER = "kefu.processor.backlog";
    private static final Logger log = LoggerFactory.getLogger(ProcessorBacklog.class);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;
    private final EventSchema events;
    private final TokenSchema tokens;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Duration refresh;
    private Map<String, Long> backlogs = Map.of();
    private Instant readAt = Instant.MIN;
    private Long startHead;
    private boolean caughtUp;

    public ProcessorBacklog(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing,
                            EventSchema events, TokenSchema tokens, MeterRegistry registry, Clock clock,
                            Duration refresh) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
        this.events = events;
        this.tokens = tokens;
        this.registry = registry;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** One gauge per streaming processor, once Axon has built them; the head the processors must reach to be ready. */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        try {
            Long head = jdbc.queryForObject("select coalesce(max(" + events.globalIndexColumn() + "), -1) from "
                    + events.domainEventTable(), Long.class);
            startHead = head == null ? -1L : head;
        } catch (RuntimeException e) {
            log.warn("cannot read the event store's head: the processors count as caught up ({})", e.toString());
            startHead = -1L;
        }
        processing.eventProcessors().keySet().stream().filter(name -> !name.equals(EventRelay.PROCESSING_GROUP))
                  .forEach(projection -> ProjectionController.replays(registry, projection));
        processors().forEach(processor -> Gauge.builder(METER, this, backlog -> backlog.of(processor))
                .tag("processor", processor)
                .description("stored events the processor has not handled yet (kafka-relay: not yet on the topic)")
                .register(registry));
    }

    /**
     * The projections (every streaming processor but the relay, whose backlog waits on the broker, not on this
     * instance) that have not yet handled every event stored before this instance was started; all of them while the
     * instance is still starting or the token store cannot be read. Once it answered none, it answers none for good:
     * a projection behind under load, or replaying on purpose, does not take the instance out of service.
     */
    public synchronized List<String> behind() {
        if (caughtUp) {
            return List.of();
        }
        if (startHead == null) {
            return List.of("every projection: the instance is starting");
        }
        Map<String, Long> lowest;
        try {
            lowest = lowestPositions();
        } catch (RuntimeException e) {
            return processors();
        }
        List<String> behind = processors().stream()
                .filter(processor -> !processor.equals(EventRelay.PROCESSING_GROUP))
                .filter(processor -> lowest.getOrDefault(processor, -1L) < startHead)
                .toList();
        caughtUp = behind.isEmpty();
        return behind;
    }

    List<String> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(processor -> processor.getName())
                .sorted()
                .toList();
    }

    /** The processor's backlog as last read; NaN while it cannot be read. */
    double of(String processor) {
        Long backlog = backlogs().get(processor);
        return backlog == null ? Double.NaN : backlog;
    }

    /** Every processor's backlog, read again when the last reading is older than {@code refresh}. */
    synchronized Map<String, Long> backlogs() {
        Instant now = clock.instant();
        if (readAt.plus(refresh).isAfter(now)) {
            return backlogs;
        }
        try {
            backlogs = read();
        } catch (RuntimeException e) {
            log.debug("cannot read the processors' backlog: {}", e.toString());
            backlogs = Map.of();
        }
        readAt = now;
        return backlogs;
    }

    private Map<String, Long> read() {
        Map<String, Long> lowest = lowestPositions();
        Map<String, Long> backlog = new HashMap<>();
        for (String processor : processors()) {
            long position = lowest.getOrDefault(processor, -1L);
            Long behind = jdbc.queryForObject("select count(*) from " + events.domainEventTable() + " where "
                    + events.globalIndexColumn() + " > ?", Long.class, position);
            backlog.put(processor, behind == null ? 0 : behind);
        }
        return backlog;
    }

    /** Each processor's lowest position over its segments' tokens. */
    private Map<String, Long> lowestPositions() {
        Map<String, Long> lowest = new HashMap<>();
        jdbc.query("select " + tokens.processorNameColumn() + ", " + tokens.tokenTypeColumn() + ", "
                + tokens.tokenColumn() + " from " + tokens.tokenTable(), row -> {
            String processor = row.getString(1);
            long position = position(row.getString(2), row.getBytes(3));
            lowest.merge(processor, position, Math::min);
        });
        return lowest;
    }

    /** The position a segment's token holds; -1 (before the first event) for none. */
    private long position(String type, byte[] token) {
        if (type == null || token == null) {
            return -1;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        OptionalLong position = tracking == null ? OptionalLong.empty() : tracking.position();
        return position.orElse(-1);
    }
}
