package com.kefu.platform.axon;

import com.kefu.platform.relay.EventRelay;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The tables a projection keeps, and empty copies of them in a schema of their own: what a check of the projection
 * ({@link ProjectionCheck}) and a record as it was ({@link RecordsAsOf}) rebuild into. A projection's tables are those
 * its reset handler writes: the reset runs in a transaction that is rolled back, and the tables it locked for writing
 * are read from {@code pg_locks}. A copy has the live table's columns, defaults, constraints and indexes, not its rows.
 */
final class ProjectionTables {

    private static final String WRITTEN_TABLES = """
            select distinct c.relname from pg_locks l
            join pg_class c on c.oid = l.relation
            join pg_namespace n on n.oid = c.relnamespace
            where l.pid = pg_backend_pid() and l.locktype = 'relation'
              and l.mode in ('RowExclusiveLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock')
              and c.relkind in ('r', 'p') and n.nspname = current_schema()
            order by 1""";

    private ProjectionTables() {
    }

    /** The tables {@code processor}'s reset writes to: its own. Nothing is changed (the reset is rolled back). */
    static List<String> of(AbstractEventProcessor processor, TransactionManager transactions, JdbcTemplate jdbc) {
        Transaction transaction = transactions.startTransaction();
        try {
            processor.eventHandlerInvoker().performReset();
            return jdbc.queryForList(WRITTEN_TABLES, String.class);
        } finally {
            transaction.rollback();
        }
    }

    /**
     * The service's projections, in the order of their names: every event processor but the relay (which publishes and
     * keeps no view). A projection must be resettable, its reset naming its tables; one that is not cannot be rebuilt
     * into a copy, and says so rather than being left out (its handlers would write the live tables).
     */
    static List<AbstractEventProcessor> projections(EventProcessingConfiguration processing) {
        return processing.eventProcessors().values().stream()
                .filter(processor -> !EventRelay.PROCESSING_GROUP.equals(processor.getName()))
                .map(ProjectionTables::projection)
                .sorted(Comparator.comparing(AbstractEventProcessor::getName))
                .toList();
    }

    private static AbstractEventProcessor projection(EventProcessor processor) {
        if (!(processor instanceof AbstractEventProcessor projection)
                || !projection.eventHandlerInvoker().supportsReset()) {
            throw new IllegalStateException("event processor " + processor.getName()
                    + " has no reset handler to name its tables, so it cannot be rebuilt into a copy");
        }
        return projection;
    }

    /** A new schema's name, unique, safe to put in SQL as it is. */
    static String newSchema(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    /** Creates {@code schema} with an empty copy of each of {@code tables} of the public schema. */
    static void createCopies(JdbcTemplate jdbc, String schema, Iterable<String> tables) {
        jdbc.execute("create schema " + schema);
        for (String table : tables) {
            jdbc.execute("create table " + schema + "." + quote(table) + " (like public." + quote(table)
                    + " including defaults including constraints including indexes)");
        }
    }

    /**
     * The columns that tell {@code table}'s rows apart: its primary key, else every column a sequence does not fill (an
     * insertion's position differs between two builds of the same rows).
     */
    static Key key(JdbcTemplate jdbc, String table) {
        List<String> key = jdbc.queryForList("""
                select a.attname from pg_index i
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                where i.indrelid = ('public.' || quote_ident(?))::regclass and i.indisprimary
                order by array_position(i.indkey::int2[], a.attnum)""", String.class, table);
        return !key.isEmpty() ? new Key(key, true) : new Key(jdbc.queryForList("""
                select a.attname from pg_attribute a
                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                where a.attrelid = ('public.' || quote_ident(?))::regclass and a.attnum > 0 and not a.attisdropped
                  and a.attidentity = '' and coalesce(pg_get_expr(d.adbin, d.adrelid), '') not like 'nextval(%'
                order by a.attnum""", String.class, table), false);
    }

    /** Columns that tell rows apart; {@code primary} when they are the primary key (never null). */
    record Key(List<String> columns, boolean primary) {

        /** The SQL that a row {@code a} and a row {@code b} have the same key. */
        String same(String a, String b) {
            String equal = primary ? " = " : " is not distinct from ";
            return String.join(" and ", columns.stream()
                    .map(column -> a + "." + quote(column) + equal + b + "." + quote(column)).toList());
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
