package com.kefu.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Observability on the running system ({@link RunningSystem}): one request followed by its W3C trace id from the
 * gateway to the duty log across Kafka, every metric the dashboards and alert rules of {@code deploy/observability}
 * name served by the services' {@code /actuator/prometheus}, and the whole API's one OpenAPI document at the gateway.
 */
class ObservabilitySystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int POSTGRES_PORT = 25432;
    private static final Path OBSERVABILITY = Path.of("observability");
    private static LocalSystem system;
    private static Gateway desk;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.local();
        desk = Gateway.signIn(system.gatewayUrl(), "desk");
    }

    @Test
    @DisplayName("a phone complaint's traceparent sent to the gateway: the same trace id in its stored event's metadata, "
            + "on its complaint.events record, in the duty log entry's event metadata and in the duty log's JSON log line")
    void oneRequestFollowedFromTheGatewayToTheDutyLog() throws Exception {
        var shift = desk.post("/api/shifts", Map.of("post", "front-desk"));
        assertThat(shift.status()).as(String.valueOf(shift.body())).isIn(201, 409); // 409: a shift is open already
        String traceId = hex(16);
        var complaint = desk.post("/api/complaints", Map.of("channel", "PHONE", "category", "FACILITY",
                        "severity", "NORMAL", "customer", Map.of("name", "Иван Петров", "phone", "+79141234567"),
                        "subject", "追踪 / трассировка", "description", "3楼 A-1024"),
                Map.of("traceparent", "00-" + traceId + "-" + hex(8) + "-01"));
        assertThat(complaint.status()).as(String.valueOf(complaint.body())).isEqualTo(201);
        assertThat(complaint.traceIds()).as("the answer names its trace, once").containsExactly(traceId);
        String id = complaint.body().get("id").asText();
        String number = complaint.body().get("number").asText();

        List<String> received = query("complaint", "select convert_from(meta_data, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 0", id);
        assertThat(received).hasSize(1);
        assertThat(JSON.readTree(received.get(0)).path("traceparent").asText()).startsWith("00-" + traceId + "-");

        String header = await().atMost(Duration.ofSeconds(60)).until(() -> recordHeader(id), value -> value != null);
        assertThat(header).startsWith("00-" + traceId + "-");

        List<String> entries = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> query("dutylog", "select convert_from(meta_data, 'UTF8') from domain_event_entry "
                        + "where payload_type like '%EntryRecordedEvent' and convert_from(payload, 'UTF8') like ?",
                        "%\"reference\":\"" + number + "\"%"), rows -> !rows.isEmpty());
        assertThat(entries).as("the duty log's entry of the call").hasSize(1);
        assertThat(JSON.readTree(entries.get(0)).path("traceparent").asText()).startsWith("00-" + traceId + "-");

        JsonNode line = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> logLine(system.log("dutylog-service"), number), found -> found != null);
        assertThat(line.path("traceId").asText()).as(line.toString()).isEqualTo(traceId);
        assertThat(line.has("@timestamp")).as("Elastic Common Schema").isTrue();
    }

    @Test
    @DisplayName("every metric the Grafana dashboards and Prometheus alert rules name is on a service's /actuator/prometheus")
    void everyMetricOfTheDashboardsAndAlertsIsServed() throws Exception {
        Set<String> named = new TreeSet<>();
        try (var files = Files.list(OBSERVABILITY)) {
            for (Path file : files.sorted().toList()) {
                if (file.toString().endsWith(".json")) {
                    JSON.readTree(file.toFile()).findValues("expr").forEach(expr -> named.addAll(metrics(expr.asText())));
                } else if (file.toString().endsWith(".yaml")) {
                    new YAMLMapper().readTree(file.toFile()).findValues("expr")
                            .forEach(expr -> named.addAll(metrics(expr.asText())));
                }
            }
        }
        assertThat(named).as("metrics the files name").contains("kefu_processor_backlog",
                "kefu_consumer_dead_letters_total", "kafka_consumer_fetch_manager_records_lag_max",
                "kefu_streams_connections", "kefu_complaints_registered_total",
                "kefu_complaints_deadlines_missed_total", "kefu_projection_replays_total");
        named.remove("up"); // Prometheus' own: whether it could scrape the instance

        Set<String> served = new HashSet<>();
        for (LocalSystem.Service service : LocalSystem.Settings.allServices(RunningSystem.GATEWAY_PORT)) {
            // the local profile serves the actuator on the service's own port (production: the management port)
            HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + service.port() + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).as(service.name()).isEqualTo(200);
            scrape.body().lines().filter(sample -> !sample.startsWith("#") && !sample.isBlank())
                    .map(sample -> sample.split("[{ ]", 2)[0]).forEach(served::add);
        }
        assertThat(served).containsAll(named);
    }

    @Test
    @DisplayName("API1 the gateway's /v3/api-docs is the whole public API in one document: swagger-parser reads it "
            + "without a message, no service is missing, every prefix the gateway routes has its operations in it and "
            + "nothing else is, each operation with a summary and the bearer scheme (none for the sign-in and the keys)")
    void api1TheWholeApiInOneDocumentAtTheGateway() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(system.gatewayUrl()
                + "/v3/api-docs")).timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        // as an integrator would save it, to generate a client from (README, API documentation)
        Files.writeString(Path.of("target", "kefu-openapi.json"), response.body());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body(), null, options);
        assertThat(parsed.getMessages()).as("swagger-parser's messages").isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api.getExtensions() == null ? Map.of() : api.getExtensions()).as(api.getInfo().getDescription())
                .doesNotContainKey("x-kefu-unavailable");
        assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys("bearer");
        // the problem details are platform-base's everywhere: one schema, one response of each status, not renamed
        assertThat(api.getComponents().getSchemas().keySet()).filteredOn(name -> name.endsWith("Problem"))
                .containsExactly("Problem");
        assertThat(api.getComponents().getResponses()).containsOnlyKeys("BadRequest", "Unauthorized", "Forbidden",
                "NotFound", "Conflict", "PayloadTooLarge", "TooManyRequests");
        System.out.printf("the whole API: %d paths, %d schemas (%s)%n", api.getPaths().size(),
                api.getComponents().getSchemas().size(), String.join(", ", api.getComponents().getSchemas().keySet()));

        Map<String, List<String>> routes = gatewayRoutes();
        assertThat(routes).containsKeys("complaint-service", "dutylog-service", "broadcast-service",
                "membership-service", "audit-service");
        Set<String> paths = api.getPaths().keySet();
        routes.forEach((service, patterns) -> patterns.forEach(pattern -> assertThat(paths.stream()
                .filter(path -> routed(pattern, path))).as(service + " " + pattern).isNotEmpty()));
        Set<String> gatewaysOwn = Set.of("/api/auth/token", "/api/auth/refresh", "/.well-known/jwks.json");
        assertThat(paths).allSatisfy(path -> assertThat(gatewaysOwn.contains(path) || path.startsWith("/api/streams/")
                || path.equals("/api/users") || path.startsWith("/api/users/")
                || path.equals("/api/notifications") || path.startsWith("/api/notifications/")
                || routes.values().stream().flatMap(List::stream).anyMatch(pattern -> routed(pattern, path)))
                .as(path + ": the gateway's own or routed").isTrue());

        List<String> gaps = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                gaps.add(name + ": no summary");
            }
            List<SecurityRequirement> security = operation.getSecurity();
            boolean open = Set.of("POST /api/auth/token", "POST /api/auth/refresh", "GET /.well-known/jwks.json")
                    .contains(name);
            if (open ? security == null || !security.isEmpty()
                    : security == null || security.size() != 1 || !security.get(0).containsKey("bearer")) {
                gaps.add(name + ": security " + security);
            }
        }));
        assertThat(gaps).isEmpty();
    }

    /** Each route of the gateway (its {@code application.yml}) with its {@code Path} patterns. */
    private static Map<String, List<String>> gatewayRoutes() throws IOException {
        JsonNode routes = new YAMLMapper().readTree(Path.of("..", "gateway", "src", "main", "resources",
                "application.yml").toFile()).at("/spring/cloud/gateway/server/webmvc/routes");
        Map<String, List<String>> patterns = new java.util.LinkedHashMap<>();
        routes.forEach(route -> route.path("predicates").forEach(predicate -> {
            String text = predicate.asText();
            if (text.startsWith("Path=")) {
                patterns.computeIfAbsent(route.path("id").asText(), id -> new ArrayList<>())
                        .addAll(List.of(text.substring("Path=".length()).split(",")));
            }
        }));
        return patterns;
    }

    /** Whether the gateway sends {@code path} by {@code pattern}: the pattern itself, or under it ({@code /**}). */
    private static boolean routed(String pattern, String path) {
        if (pattern.endsWith("/**")) {
            String prefix = pattern.substring(0, pattern.length() - 3);
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
        return path.equals(pattern);
    }

    /** The metric names of a PromQL expression: what is left without strings, label sets, ranges and keywords. */
    static Set<String> metrics(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher identifiers = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(bare);
        while (identifiers.find()) {
            String name = identifiers.group();
            int next = identifiers.end();
            boolean call = bare.substring(next).stripLeading().startsWith("(");
            if (!call && !PROMQL_WORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "sum", "max", "min", "avg", "count", "topk", "bottomk");

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static List<String> query(String database, String sql, String parameter) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/"
                + database, "kefu", "kefu"); var select = db.prepareStatement(sql)) {
            select.setString(1, parameter);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }

    /** The {@code traceparent} header of the complaint's first record on complaint.events; null before it is there. */
    private static String recordHeader(String complaintId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrap());
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("complaint.events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (complaintId.equals(record.key())) {
                        Header traceparent = record.headers().lastHeader("traceparent");
                        return traceparent == null ? "" : new String(traceparent.value(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return null;
    }

    /** The JSON log line that tells the call {@code number} was taken for the duty log; null before it is written. */
    private static JsonNode logLine(Path log, String number) throws IOException {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("{") && line.contains(number)) {
                JsonNode json = JSON.readTree(line);
                if (json.path("message").asText().contains("complaint call " + number)) {
                    return json;
                }
            }
        }
        return null;
    }
}
