package com.kefu.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

/**
 * The auditors' check of a projection (A3): rebuilt from the event store into a shadow copy, beside the live one, and
 * compared with it. The projection's tables are those its reset handler writes (found by running the reset in a
 * transaction that is rolled back: the tables it locked for writing). Each gets an empty copy of the same shape in a
 * schema of its own; the projection's own handlers replay the whole store into it, through a pooled processor of the
 * check's own whose transactions put that schema first on PostgreSQL's search path, so every statement of the
 * handlers writes the copy and reads the live tables of the other projections. Once the copy has every event of the
 * store, one repeatable-read snapshot of the store and of both copies compares them table by table: equal, or the
 * first row (in the order of the primary key) one holds and the other does not. A view kept in the command's
 * transaction is consistent with the store in any snapshot; a streaming projection is compared once it has caught
 * up. Columns a sequence fills (an insertion's position) differ between two builds by nature and are left out. The
 * shadow schema is dropped afterwards, whatever the outcome.
 */
public final class ProjectionCheck {

    private static final Logger log = LoggerFactory.getLogger(ProjectionCheck.class);
    private static final Duration CHECK = Duration.ofMillis(50);

    private final AbstractEventProcessor processor;
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final TransactionManager transactions;
    private final PlatformTransactionManager springTransactions;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final int batchSize;
    private final Duration timeout;
    private PooledStreamingEventProcessor replay;
    private ScheduledExecutorService threads;

    ProjectionCheck(AbstractEventProcessor processor, StreamableMessageSource<TrackedEventMessage<?>> events,
                    TransactionManager transactions, PlatformTransactionManager springTransactions, JdbcTemplate jdbc,
                    ObjectMapper json, int batchSize, Duration timeout) {
        this.processor = processor;
        this.events = events;
        this.transactions = transactions;
        this.springTransactions = springTransactions;
        this.jdbc = jdbc;
        this.json = json;
        this.batchSize = batchSize;
        this.timeout = timeout;
    }

    /**
     * The first row one copy holds and the other does not: {@code live} the live projection's row (null when only the
     * rebuilt copy has it), {@code rebuilt} the rebuilt copy's (null when only the live one has it); both when a row
     * of the same key differs.
     */
    public record Difference(String table, JsonNode live, JsonNode rebuilt) {
    }

    /**
     * {@code equal} when every table holds the same rows; else {@code firstDifference}. {@code events}: how many
     * events the store held when compared; {@code tables} the projection's tables, compared in this order.
     */
    public record Result(String projection, boolean equal, long events, List<String> tables, List<String> ignoredColumns,
                  Difference firstDifference) {
    }

    Result run() {
        List<String> tables = tables();
        if (tables.isEmpty()) {
            throw new IllegalStateException("projection " + processor.getName() + " writes no table on reset");
        }
        String schema = ProjectionTables.newSchema("kefu_check_");
        try {
            ProjectionTables.createCopies(jdbc, schema, tables);
            rebuild(schema);
            return compare(schema, tables);
        } finally {
            if (replay != null) {
                replay.shutDown();
                threads.shutdownNow();
            }
            jdbc.execute("drop schema if exists " + schema + " cascade");
        }
    }

    /** The tables the projection's reset writes to: its own. */
    private List<String> tables() {
        return ProjectionTables.of(processor, transactions, jdbc);
    }

    private void rebuild(String schema) {
        TransactionManager intoShadow = () -> {
            Transaction transaction = transactions.startTransaction();
            jdbc.execute("set local search_path to " + schema + ", public");
            return transaction;
        };
        EventHandlerInvoker handlers = processor.eventHandlerInvoker();
        ScheduledExecutorService threads = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "check-" + processor.getName());
            thread.setDaemon(true);
            return thread;
        });
        PooledStreamingEventProcessor replay = PooledStreamingEventProcessor.builder()
                .name(processor.getName() + "-check")
                .eventHandlerInvoker(handlers)
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(events)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(intoShadow)
                .coordinatorExecutor(threads)
                .workerExecutor(threads)
                .initialSegmentCount(1)
                .initialToken(StreamableMessageSource::createTailToken)
                .batchSize(batchSize)
                .build();
        this.replay = replay;
        this.threads = threads;
        long started = System.nanoTime();
        replay.start();
        waitFor(head());
        log.info("projection {} rebuilt into {} in {} ms", processor.getName(), schema,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private long head() {
        TrackingToken token = events.createHeadToken();
        return token == null ? -1 : token.position().orElse(-1);
    }

    /** Until the rebuilt copy, and a streaming live projection, have every event up to {@code head}. */
    private void waitFor(long head) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(reached(replay.processingStatus().values(), head) && liveReached(head))) {
            if (replay.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
                throw new IllegalStateException("the rebuild of " + processor.getName() + " failed: "
                        + replay.processingStatus().values().stream().map(EventTrackerStatus::getError)
                        .filter(java.util.Objects::nonNull).map(Throwable::getMessage).findFirst().orElse("?"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuild of " + processor.getName() + " did not reach event "
                        + head + " within " + timeout);
            }
            try {
                Thread.sleep(CHECK.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static boolean reached(Collection<EventTrackerStatus> segments, long head) {
        return head < 0 || (!segments.isEmpty() && segments.stream().allMatch(status ->
                status.getCurrentPosition().orElse(-1) >= head));
    }

    private static long position(Collection<EventTrackerStatus> segments) {
        return segments.isEmpty() ? -1 : segments.stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    private boolean liveReached(long head) {
        return !(processor instanceof StreamingEventProcessor streaming)
                || reached(streaming.processingStatus().values(), head);
    }

    /**
     * In one repeatable-read snapshot: the store's head is the one both copies have reached (else they catch up with
     * the events stored meanwhile, and it is taken again), then each table compared.
     */
    private Result compare(String schema, List<String> tables) {
        TransactionTemplate snapshot = new TransactionTemplate(springTransactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        for (int attempt = 0; ; attempt++) {
            // taken before the snapshot: what they had committed then, the snapshot sees
            long rebuiltAt = position(replay.processingStatus().values());
            long liveAt = processor instanceof StreamingEventProcessor streaming
                    ? position(streaming.processingStatus().values()) : Long.MAX_VALUE;
            Result result = snapshot.execute(status -> {
                long head = jdbc.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry",
                        Long.class);
                if (head > rebuiltAt || head > liveAt) {
                    return null;
                }
                long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
                List<String> ignored = new ArrayList<>();
                for (String table : tables) {
                    Difference difference = compare(schema, table, ignored);
                    if (difference != null) {
                        return new Result(processor.getName(), false, count, tables, ignored, difference);
                    }
                }
                return new Result(processor.getName(), true, count, tables, ignored, null);
            });
            if (result != null) {
                return result;
            }
            if (attempt > 20) {
                throw new IllegalStateException("the store of " + processor.getName()
                        + " kept growing during the check; check it when the desk is quieter");
            }
            waitFor(head());
        }
    }

    private Difference compare(String schema, String table, List<String> ignored) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select a.attname as name, a.attidentity <> '' or coalesce(pg_get_expr(d.adbin, d.adrelid), '')
                           like 'nextval(%' as generated
                from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                where a.attrelid = ('public.' || quote_ident(?))::regclass and a.attnum > 0 and not a.attisdropped
                order by a.attnum""", table);
        List<String> compared = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String name = (String) column.get("name");
            if (Boolean.TRUE.equals(column.get("generated"))) {
                ignored.add(table + "." + name);
            } else {
                compared.add(name);
            }
        }
        List<String> key = jdbc.queryForList("""
                select a.attname from pg_index i
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                where i.indrelid = ('public.' || quote_ident(?))::regclass and i.indisprimary
                order by array_position(i.indkey::int2[], a.attnum)""", String.class, table);
        key = key.stream().filter(compared::contains).toList();
        String select = compared.stream().map(column -> quote(column) + "::text as " + quote(column))
                .collect(Collectors.joining(", "));
        String order = (key.isEmpty() ? compared : key).stream().map(ProjectionCheck::quote)
                .collect(Collectors.joining(", "));
        String live = "select " + select + " from public." + quote(table);
        String rebuilt = "select " + select + " from " + schema + "." + quote(table);
        List<Map<String, Object>> rows = jdbc.queryForList("select * from ("
                + "(select 'live' as kefu_side, x.* from (" + live + " except all " + rebuilt + ") x) union all "
                + "(select 'rebuilt' as kefu_side, y.* from (" + rebuilt + " except all " + live + ") y)) d "
                + "order by " + order + ", kefu_side limit 2");
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> first = rows.get(0);
        JsonNode firstRow = row(first);
        boolean live1 = "live".equals(first.get("kefu_side"));
        if (rows.size() == 2 && !first.get("kefu_side").equals(rows.get(1).get("kefu_side"))
                && !key.isEmpty() && key.stream().allMatch(column ->
                java.util.Objects.equals(first.get(column), rows.get(1).get(column)))) {
            JsonNode second = row(rows.get(1));
            return new Difference(table, live1 ? firstRow : second, live1 ? second : firstRow);
        }
        return new Difference(table, live1 ? firstRow : null, live1 ? null : firstRow);
    }

    private JsonNode row(Map<String, Object> row) {
        Map<String, Object> values = new java.util.LinkedHashMap<>(row);
        values.remove("kefu_side");
        return json.valueToTree(values);
    }

    private static String quote(String identifier) {
        return ProjectionTables.quote(identifier);
    }
}
