package com.kefu.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.platform.test.Api;
import com.kefu.platform.test.ApiDocs;
import com.kefu.platform.test.Infrastructure;
import com.kefu.platform.web.ApiDocumentation;
import com.sun.net.httpserver.HttpServer;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API1 at the gateway: {@code /v3/api-docs} is the whole public API, its own operations (sign-in, keys, live streams)
 * and every service's, merged from the services' own documents read through the routes. complaint-service and
 * dutylog-service are plain HTTP servers serving documents written as platform-base's {@link ApiDocumentation} writes
 * every service's; the other services do not answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ApiDocsTest {

    private static final HttpServer complaintService = serve(document("/api/complaints/{id}", "Reads a complaint",
            "Complaint", false));
    private static final HttpServer dutylogService = serve(document("/api/shifts/{id}", "Reads a shift", "Shift",
            true));

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("COMPLAINT_SERVICE_URL", () -> "http://127.0.0.1:" + complaintService.getAddress().getPort());
        registry.add("DUTYLOG_SERVICE_URL", () -> "http://127.0.0.1:" + dutylogService.getAddress().getPort());
        for (String down : List.of("BROADCAST_SERVICE_URL", "MEMBERSHIP_SERVICE_URL", "AUDIT_SERVICE_URL")) {
            int closed = closedPort();
            registry.add(down, () -> "http://127.0.0.1:" + closed);
        }
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.get().kafkaBootstrap());
    }

    @AfterAll
    static void stop() {
        complaintService.stop(0);
        dutylogService.stop(0);
    }

    @LocalServerPort
    int port;

    private ResponseEntity<String> get(String path) {
        return Api.get(Api.client(port), null, path);
    }

    @Test
    @DisplayName("API1 every operation of the gateway's document, its own and the services', has a summary, the bearer "
            + "token (none for the sign-in and the keys) and its problem details")
    void api1TheGatewaysOwnOperationsAreDocumented() {
        ApiDocs.assertEveryOperationIsDocumented(port, Set.of("POST /api/auth/token", "POST /api/auth/refresh",
                "GET /.well-known/jwks.json"));
    }

    @Test
    @DisplayName("API1 one document for the whole API at the gateway's /v3/api-docs, the one its Swagger UI shows: the "
            + "gateway's operations and the routed ones of each service that answers, the bearer scheme once, a "
            + "different component renamed with the service's prefix, the services that do not answer named")
    void api1OneDocumentForTheWholeApi() throws IOException {
        JsonNode config = new ObjectMapper().readTree(get("/v3/api-docs/swagger-config").getBody());
        assertThat(config.path("url").asText()).isEqualTo("/v3/api-docs");
        assertThat(config.has("urls")).as("one document, no list of documents: " + config).isFalse();
        var ui = get("/swagger-ui.html").getStatusCode();
        assertThat(ui.is2xxSuccessful() || ui.is3xxRedirection()).isTrue();

        ResponseEntity<String> whole = get("/v3/api-docs");
        assertThat(whole.getStatusCode().value()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(whole.getBody(), null, options);
        assertThat(parsed.getMessages()).as("swagger-parser's messages").isEmpty();
        OpenAPI api = parsed.getOpenAPI();

        assertThat(api.getPaths()).containsKeys("/api/auth/token", "/.well-known/jwks.json", "/api/complaints/{id}",
                "/api/shifts/{id}").doesNotContainKey("/admin/projections");
        assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys(ApiDocumentation.BEARER);
        assertThat(api.getComponents().getSchemas()).containsKeys("Problem", "Complaint", "Shift")
                .doesNotContainKeys("ComplaintProblem", "DutylogProblem", "Internal");
        // dutylog-service's BadRequest says something else than everyone's: its own name, and its operation's 400 with it
        // (so the merge ran after platform-base's documentation of the gateway's operations, which would have reset it)
        assertThat(api.getPaths().get("/api/complaints/{id}").getGet().getResponses().get("400").get$ref())
                .isEqualTo("#/components/responses/BadRequest");
        assertThat(api.getPaths().get("/api/shifts/{id}").getGet().getResponses().get("400").get$ref())
                .isEqualTo("#/components/responses/DutylogBadRequest");
        assertThat(api.getPaths().get("/api/shifts/{id}").getGet().getSecurity()).singleElement()
                .satisfies(requirement -> assertThat(requirement).containsOnlyKeys(ApiDocumentation.BEARER));
        assertThat(api.getServers()).singleElement().satisfies(server -> assertThat(server.getUrl()).isEqualTo("/"));

        ResponseEntity<String> yaml = get("/v3/api-docs.yaml");
        assertThat(yaml.getStatusCode().value()).as("the same document as YAML, without a token").isEqualTo(200);
        assertThat(new OpenAPIV3Parser().readContents(yaml.getBody(), null, options).getOpenAPI().getPaths())
                .containsKeys("/api/complaints/{id}", "/api/shifts/{id}");

        @SuppressWarnings("unchecked")
        Map<String, String> unavailable = (Map<String, String>) api.getExtensions().get("x-kefu-unavailable");
        assertThat(unavailable).containsOnlyKeys("broadcast-service", "membership-service", "audit-service");
        assertThat(api.getInfo().getDescription()).contains("broadcast-service (no answer");
    }

    /**
     * A service's document as platform-base documents it: one operation reading a record under {@code path} (routed by
     * the gateway) and one the gateway does not route; {@code ownBadRequest}: its 400 response says something else.
     */
    private static String document(String path, String summary, String record, boolean ownBadRequest) {
        Schema<?> recordRef = new Schema<>().$ref("#/components/schemas/" + record);
        Operation read = new Operation().summary(summary).operationId("read")
                .addParametersItem(new PathParameter().name("id").required(true).schema(new StringSchema()))
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")
                        .content(new Content().addMediaType("application/json", new MediaType().schema(recordRef)))));
        Operation internal = new Operation().summary("Lists the projections").operationId("projections")
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")
                        .content(new Content().addMediaType("application/json", new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/Internal"))))));
        OpenAPI api = new OpenAPI().info(new Info().title("kefu " + record).version("0.1.0"))
                .components(new Components()
                        .addSchemas(record, new ObjectSchema().addProperty("id", new StringSchema()))
                        .addSchemas("Internal", new ObjectSchema().addProperty("lag", new StringSchema()))
                        .addSecuritySchemes(ApiDocumentation.BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("the access_token of POST /api/auth/token")))
                .paths(new Paths().addPathItem(path, new PathItem().get(read))
                        .addPathItem("/admin/projections", new PathItem().get(internal)));
        ApiDocumentation.document(api, List.of());
        if (ownBadRequest) {
            api.getComponents().getResponses().get("BadRequest").description("the entry is not valid");
        }
        try {
            return Json.mapper().writeValueAsString(api);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A service as the gateway sees it: its document at /v3/api-docs. */
    private static HttpServer serve(String document) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                boolean docs = exchange.getRequestURI().getPath().equals("/v3/api-docs");
                byte[] body = (docs ? document : "{}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(docs ? 200 : 404, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on: a service that is down. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
