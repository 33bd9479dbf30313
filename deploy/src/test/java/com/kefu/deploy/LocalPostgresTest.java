package com.kefu.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalPostgresTest {

    @TempDir
    Path data;

    @Test
    @DisplayName("R4 the local system's PostgreSQL flushes every commit to disk; only when told it is not durable does it not")
    void durableUnlessToldOtherwise() throws Exception {
        assertThat(settings(true)).containsExactly(
                Map.entry("fsync", "on"), Map.entry("synchronous_commit", "on"), Map.entry("full_page_writes", "on"));
        assertThat(settings(false)).containsExactly(
                Map.entry("fsync", "off"), Map.entry("synchronous_commit", "off"), Map.entry("full_page_writes", "off"));
    }

    private Map<String, String> settings(boolean durable) throws Exception {
        try (EmbeddedPostgres postgres = LocalPostgres.start(data.resolve(durable ? "durable" : "not-durable"),
                freePort(), durable, List.of("complaint"));
             Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            Map<String, String> settings = new LinkedHashMap<>();
            for (String name : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet row = sql.executeQuery("show " + name)) {
                    row.next();
                    settings.put(name, row.getString(1));
                }
            }
            return settings;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
