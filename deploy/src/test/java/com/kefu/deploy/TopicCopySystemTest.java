package com.kefu.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A3 the topic copy tool (deploy/tools/topic-copy.sh) against the real system's broker: every topic copied from
 * offset 0 into a JSON-lines file holds the events just made through the gateway, and the dashboard's figures rebuilt
 * from the topics alone equal the live dashboard's at the same instant.
 */
class TopicCopySystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalSystem system;
    private static Gateway desk;
    private static Gateway head;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.local();
        desk = Gateway.signIn(system.gatewayUrl(), "desk");
        head = Gateway.signIn(system.gatewayUrl(), "head");
    }

    @Test
    @DisplayName("A3 the topics copied from offset 0 hold every event; the figures rebuilt from them equal the live "
            + "dashboard's")
    void copiedTopicsRebuildTheDashboard(@TempDir Path folder) throws Exception {
        var complaint = desk.post("/api/complaints", Map.of("channel", "VISIT", "category", "FACILITY",
                "severity", "NORMAL", "customer", Map.of("name", "李雷", "phone", "13900002222"),
                "subject", "拷贝 / копия", "description", "topic copy"));
        assertThat(complaint.status()).as(String.valueOf(complaint.body())).isEqualTo(201);
        String id = complaint.body().get("id").asText();

        Path copy = folder.resolve("topics.jsonl");
        Path figures = folder.resolve("figures.json");
        // the live figures and the copy at the same instant; a background event between the two is read again
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode live = liveFigures();
            assertThat(live.path("openComplaints").path("total").asInt()).isGreaterThanOrEqualTo(1);
            Process tool = new ProcessBuilder(List.of(
                    Path.of("..").toAbsolutePath().normalize().resolve("deploy/tools/topic-copy.sh").toString(),
                    "--bootstrap", system.bootstrap(), "--topic", "all", "--from-offset", "0",
                    "--out", copy.toString(), "--figures", figures.toString(),
                    "--as-of", live.path("asOf").asText())).redirectErrorStream(true).start();
            String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(tool.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(tool.exitValue()).as(output).isZero();
            assertThat(Files.readString(copy)).contains(id);
            assertThat(withoutStatus(JSON.readTree(figures.toFile()))).isEqualTo(withoutStatus(live));
        });
        List<String> lines = Files.readAllLines(copy);
        JsonNode received = lines.stream().map(TopicCopySystemTest::read)
                .filter(line -> line.path("key").asText().equals(id)).findFirst().orElseThrow();
        assertThat(received.path("topic").asText()).isEqualTo("complaint.events");
        assertThat(received.path("value").path("type").asText()).isEqualTo("ComplaintReceived");
        assertThat(received.path("offset").asLong()).isGreaterThanOrEqualTo(0);
    }

    private static JsonNode liveFigures() {
        try (Gateway.EventStream stream = head.stream("/api/streams/dashboard")) {
            assertThat(stream.status()).isEqualTo(200);
            JsonNode figures = stream.next(Duration.ofSeconds(10)).data();
            assertThat(figures.path("complete").asBoolean()).isTrue();
            return figures;
        }
    }

    /** The figures themselves: whether the feed had caught up is the live stream's own state. */
    private static JsonNode withoutStatus(JsonNode figures) {
        ObjectNode copy = figures.deepCopy();
        copy.remove("complete");
        return copy;
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
