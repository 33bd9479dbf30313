package com.kefu.platform.axon;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Any record's ordinary read view as it was at an instant (C13, A4), for every kind of record, without a fold written
 * for one. In one database transaction, always rolled back, so that nothing of it stays (no schema, no row):
 * <ol>
 * <li>two schemas of their own get an empty copy of every table the service's projections keep ({@link
 * ProjectionTables}: the tables each projection's reset handler writes);</li>
 * <li>the record's events, read from the event store from its first (not from a snapshot), go through the
 * projections' own event handlers (each event in a unit of work), once all of them into the first copy ({@code set
 * local search_path}: the record's rows as they are now), once those up to and including the instant into the
 * second (its rows as they were);</li>
 * <li>a third schema gets, for each of those tables, a view: the record's rows as they were, and every live row but
 * the record's own (by primary key);</li>
 * <li>with that schema first on the search path, the service's ordinary read of the record (the one its {@code GET}
 * by id answers with) runs in the same transaction, so on the same connection (Spring binds the connection to the
 * transaction, and the service's {@link JdbcTemplate} takes it from there), and sees the views; a read that folds
 * events from the store ({@link EventHistory}) gets those up to the instant.</li>
 * </ol>
 * What it shows: <b>the record as it was, its neighbours as they are</b>. Rows its own events keep are as its own
 * events made them up to the instant (what another record's events changed in such a row is not in it); every other
 * row a handler or the read looks up (another record's, a setting, a consumer's table) is the live one, as it is now.
 * Fields a read computes from the clock (how overdue, how long ago) are computed now, not at the instant. Only
 * projections run, never the relay nor anything else that publishes or sends; a processor with no reset handler, or a
 * handler that writes a table its reset does not name, fails the read rather than mix live rows into the record's.
 * <p>
 * A column a sequence fills (an insertion's position) draws from the live sequence also in the copies, and a rollback
 * does not give the numbers back: such a column may skip numbers after an {@code asOf} read, which is all it costs.
 */
public class RecordsAsOf {

    private final EventStore events;
    private final EventProcessingConfiguration processing;
    private final TransactionManager transactions;
    private final PlatformTransactionManager springTransactions;
    private final JdbcTemplate jdbc;
    private volatile Map<AbstractEventProcessor, List<String>> projections;

    public RecordsAsOf(EventStore events, EventProcessingConfiguration processing, TransactionManager transactions,
                       PlatformTransactionManager springTransactions, JdbcTemplate jdbc) {
        this.events = events;
        this.processing = processing;
        this.transactions = transactions;
        this.springTransactions = springTransactions;
        this.jdbc = jdbc;
    }

    /**
     * The record {@code aggregateId} of the kind {@code aggregateType} as {@code read} showed it at {@code instant};
     * empty when there was no such record then (not yet, or of another kind), or when {@code read} finds none.
     */
    public <T> Optional<T> of(String aggregateType, String aggregateId, Instant instant,
                              Function<String, Optional<T>> read) {
        List<? extends DomainEventMessage<?>> whole = events.readEvents(aggregateId, 0).asStream().toList();
        List<? extends DomainEventMessage<?>> history = whole.stream()
                .takeWhile(event -> !event.getTimestamp().isAfter(instant))
                .toList();
        if (history.isEmpty() || !aggregateType.equals(history.get(0).getType())) {
            return Optional.empty();
        }
        Map<AbstractEventProcessor, List<String>> views = projections();
        Set<String> tables = new LinkedHashSet<>();
        views.values().forEach(tables::addAll);
        TransactionTemplate transaction = new TransactionTemplate(springTransactions);
        transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return transaction.execute(status -> {
            status.setRollbackOnly();
            String now = ProjectionTables.newSchema("kefu_asof_now_");
            String then = ProjectionTables.newSchema("kefu_asof_then_");
            String seen = ProjectionTables.newSchema("kefu_asof_seen_");
            ProjectionTables.createCopies(jdbc, now, tables);
            ProjectionTables.createCopies(jdbc, then, tables);
            jdbc.execute("set local search_path to " + now + ", public");
            replay(whole, views.keySet());
            jdbc.execute("set local search_path to " + then + ", public");
            replay(history, views.keySet());
            refuseLiveWrites();
            jdbc.execute("create schema " + seen);
            for (String table : tables) {
                jdbc.execute(view(seen, table, then, now, ProjectionTables.key(jdbc, table)));
            }
            jdbc.execute("set local search_path to " + seen + ", public");
            return EventHistory.until(instant, () -> read.apply(aggregateId));
        });
    }

    /**
     * What the read sees of {@code table}: the record's rows as they were (in {@code then}), and every live row but
     * those the record's events keep (in {@code now}: the record's own rows, rebuilt from all its events), by key.
     */
    private static String view(String seen, String table, String then, String now, ProjectionTables.Key key) {
        String quoted = ProjectionTables.quote(table);
        String match = key.same("o", "p");
        return "create view " + seen + "." + quoted + " as select * from " + then + "." + quoted
                + " union all select p.* from public." + quoted + " p where not exists (select 1 from " + now + "."
                + quoted + " o where " + match + ")";
    }

    /**
     * A handler that wrote a table its projection's reset does not name wrote the live one (only in this transaction,
     * which is rolled back): its rows would be read as the record's. Said, not shown wrong.
     */
    private void refuseLiveWrites() {
        List<String> written = jdbc.queryForList("""
                select distinct c.relname from pg_locks l
                join pg_class c on c.oid = l.relation
                join pg_namespace n on n.oid = c.relnamespace
                where l.pid = pg_backend_pid() and l.locktype = 'relation' and l.mode = 'RowExclusiveLock'
                  and c.relkind in ('r', 'p') and n.nspname = 'public'
                order by 1""", String.class);
        if (!written.isEmpty()) {
            throw new IllegalStateException("a projection's handlers write " + written
                    + ", which no reset handler names: the record cannot be rebuilt apart from the live tables");
        }
    }

    private static void replay(List<? extends DomainEventMessage<?>> events, Iterable<AbstractEventProcessor> views) {
        for (DomainEventMessage<?> event : events) {
            handle(event, views);
        }
    }

    /** {@code read} of the record now when {@code asOf} is null, else {@link #of} at {@code asOf}. */
    public <T> Optional<T> read(String aggregateType, String aggregateId, Instant asOf,
                                Function<String, Optional<T>> read) {
        return asOf == null ? read.apply(aggregateId) : of(aggregateType, aggregateId, asOf, read);
    }

    /** Whether {@code aggregateId} is a record of the kind {@code aggregateType} (its first event says). */
    public boolean isOfKind(String aggregateType, String aggregateId) {
        return events.readEvents(aggregateId, 0).asStream().findFirst()
                .map(first -> aggregateType.equals(first.getType())).orElse(false);
    }

    private static void handle(DomainEventMessage<?> event, Iterable<AbstractEventProcessor> projections) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        var result = unitOfWork.executeWithResult(() -> {
            for (AbstractEventProcessor projection : projections) {
                projection.eventHandlerInvoker().handle(event, Segment.ROOT_SEGMENT);
            }
            return null;
        });
        if (result.isExceptional()) {
            Throwable error = result.exceptionResult();
            throw error instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("event " + event.getIdentifier() + " could not be replayed", error);
        }
    }

    /** The projections and their tables; found once (each reset is rolled back), they do not change while running. */
    private Map<AbstractEventProcessor, List<String>> projections() {
        Map<AbstractEventProcessor, List<String>> found = projections;
        if (found == null) {
            found = new LinkedHashMap<>();
            for (AbstractEventProcessor projection : ProjectionTables.projections(processing)) {
                List<String> tables = ProjectionTables.of(projection, transactions, jdbc);
                if (tables.isEmpty()) {
                    throw new IllegalStateException("projection " + projection.getName()
                            + " writes no table on reset, so it cannot be rebuilt into a copy");
                }
                found.put(projection, tables);
            }
            projections = found;
        }
        return found;
    }
}
