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
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL server (zonky's binaries) whose data lives in a folder and survives restarts. Runs as its own
 * process, started by {@link LocalSystem}: {@code LocalPostgres <dataDir> <port> <database>...}. It creates the
 * role {@code kefu} and the databases it is given when they are missing, then prints {@code READY}.
 */
public final class LocalPostgres {

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(dataDir);
        File workDir = dataDir.resolveSibling("postgres-binaries").toFile();
        workDir.mkdirs();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workDir)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        try (Connection admin = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
             Statement sql = admin.createStatement()) {
            if (!exists(sql, "select 1 from pg_roles where rolname = 'kefu'")) {
                sql.execute("create role kefu login password 'kefu' createdb");
            }
            for (int i = 2; i < args.length; i++) {
                if (!exists(sql, "select 1 from pg_database where datname = '" + args[i] + "'")) {
                    sql.execute("create database " + args[i] + " owner kefu");
                }
            }
        }
        System.out.println("READY postgres on 127.0.0.1:" + port + ", data in " + dataDir);
        System.out.flush();
        new CountDownLatch(1).await(); // until the process is stopped; zonky's hook stops the server
    }

    private static boolean exists(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next();
        }
    }
}
