package com.kefu.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL server (zonky's binaries) whose data lives in a folder and survives restarts. Runs as its own
 * process, started by {@link LocalSystem}: {@code LocalPostgres <dataDir> <port> [--not-durable] <database>...}. It
 * creates the role {@code kefu} and the databases it is given when they are missing, then prints {@code READY}.
 * <p>
 * Durable unless told otherwise: every commit is flushed to disk before it is acknowledged ({@code fsync},
 * {@code synchronous_commit}, {@code full_page_writes} on), so a power cut loses no acknowledged complaint and leaves
 * no torn page. The embedded library's test defaults turn all three off; {@code --not-durable} keeps them off, for the
 * end-to-end tests and the benchmark, which say so in their output.
 */
public final class LocalPostgres {

    private LocalPostgres() {
    }

    public static final String NOT_DURABLE = "--not-durable";

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        List<String> rest = List.of(args).subList(2, args.length);
        boolean durable = !rest.contains(NOT_DURABLE);
        start(dataDir, port, durable, rest.stream().filter(arg -> !arg.equals(NOT_DURABLE)).toList());
        System.out.println("READY postgres on 127.0.0.1:" + port + ", data in " + dataDir
                + (durable ? "" : " (NOT DURABLE: fsync, synchronous_commit and full_page_writes off)"));
        System.out.flush();
        new CountDownLatch(1).await(); // until the process is stopped; zonky's hook stops the server
    }

    /** Starts the server, with the role {@code kefu} and the databases it owns. */
    static EmbeddedPostgres start(Path dataDir, int port, boolean durable, List<String> databases) throws Exception {
        Files.createDirectories(dataDir);
        File workDir = dataDir.resolveSibling("postgres-binaries").toFile();
        workDir.mkdirs();
        String flush = durable ? "on" : "off";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (statementStatistics()) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        EmbeddedPostgres postgres = builder
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workDir)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // after the library's own -F (fsync off) on the command line, so these win
                .setServerConfig("fsync", flush)
                .setServerConfig("synchronous_commit", flush)
                .setServerConfig("full_page_writes", flush)
                .start();
        try (Connection admin = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
             Statement sql = admin.createStatement()) {
            if (!exists(sql, "select 1 from pg_roles where rolname = 'kefu'")) {
                sql.execute("create role kefu login password 'kefu' createdb");
            }
            for (String database : databases) {
                if (!exists(sql, "select 1 from pg_database where datname = '" + database + "'")) {
                    sql.execute("create database " + database + " owner kefu");
                }
            }
        }
        if (statementStatistics()) {
            // the view is one per database, its figures are the whole server's; kefu may read all of them
            for (String database : databases) {
                try (Connection owner = DriverManager.getConnection(postgres.getJdbcUrl("postgres", database));
                     Statement sql = owner.createStatement()) {
                    sql.execute("create extension if not exists pg_stat_statements");
                }
            }
            try (Connection admin = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                 Statement sql = admin.createStatement()) {
                sql.execute("grant pg_read_all_stats to kefu");
            }
        }
        return postgres;
    }

    /**
     * {@code KEFU_PG_STATEMENTS=on}: the server keeps {@code pg_stat_statements} (what each statement cost, summed), for
     * finding where PostgreSQL's time goes under load; it costs a little on every statement, so it is off by default.
     * Read it as {@code kefu}: {@code select calls, total_exec_time, query from pg_stat_statements order by 2 desc}.
     */
    private static boolean statementStatistics() {
        return "on".equals(System.getenv("KEFU_PG_STATEMENTS"));
    }

    private static boolean exists(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next();
        }
    }
}
