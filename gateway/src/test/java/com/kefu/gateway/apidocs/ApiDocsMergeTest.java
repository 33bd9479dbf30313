package com.kefu.gateway.apidocs;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API1: the whole API's document merged from the gateway's and the services' (as they serve them: JSON read into
 * swagger-core's model), by {@link ApiDocsMerge}.
 */
class ApiDocsMergeTest {

    private static final String PROBLEM = "'Problem': {'type': 'object', 'properties': {'type': {'type': 'string'},"
            + " 'detail': {'type': 'string'}}}";
    private static final String BEARER = "'securitySchemes': {'bearer': {'type': 'http', 'scheme': 'bearer',"
            + " 'bearerFormat': 'JWT'}}";
    private static final String BAD_REQUEST = "'BadRequest': {'description': 'the request is not valid', 'content':"
            + " {'application/problem+json': {'schema': {'$ref': '#/components/schemas/Problem'}}}}";
    private static final String SECURED = "'security': [{'bearer': []}]";

    private static OpenAPI read(String json) {
        try {
            return Json.mapper().readValue(json.replace('\'', '"'), OpenAPI.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path item of one GET operation answering {@code response}; an {@code id} path parameter if the path has it. */
    private static String get(String tag, String operationId, String response, String... more) {
        return get(false, tag, operationId, response, more);
    }

    private static String getById(String tag, String operationId, String response, String... more) {
        return get(true, tag, operationId, response, more);
    }

    private static String get(boolean byId, String tag, String operationId, String response, String... more) {
        return "{'get': {'operationId': '" + operationId + "', 'tags': ['" + tag + "'], 'summary': 'Reads', " + SECURED
                + (byId ? ", 'parameters': [{'name': 'id', 'in': 'path', 'required': true, 'schema': {'type': "
                + "'string'}}]" : "") + ", 'responses': {"
                + "'200': {'description': 'OK', 'content': {'application/json': {'schema': {'$ref': "
                + "'#/components/schemas/" + response + "'}}}}" + (more.length == 0 ? "" : ", " + more[0]) + "}}}";
    }

    private static OpenAPI gateway() {
        return read("{'openapi': '3.0.1', 'info': {'title': 'kefu gateway', 'version': '0.1.0'},"
                + " 'servers': [{'url': '/', 'description': 'the gateway (the same origin)'}],"
                + " 'paths': {'/api/auth/token': {'post': {'operationId': 'token', 'summary': 'Signs in',"
                + "   'security': [], 'responses': {'200': {'description': 'OK', 'content': {'application/json':"
                + "   {'schema': {'$ref': '#/components/schemas/Token'}}}}}}}},"
                + " 'components': {'schemas': {" + PROBLEM + ", 'Token': {'type': 'object', 'properties':"
                + "   {'access_token': {'type': 'string'}}}}, 'responses': {" + BAD_REQUEST + "}, " + BEARER + "}}");
    }

    private static ServiceDocument complaints() {
        return ServiceDocument.of("complaint-service", List.of("/api/complaints", "/api/complaints/**",
                "/api/audit/complaint/**"), read("{'openapi': '3.0.1', 'info': {'title': 'kefu complaint-service',"
                + " 'version': '0.1.0'}, 'servers': [{'url': '/'}], 'tags': [{'name': 'complaints'},"
                + " {'name': 'projections'}], 'paths': {"
                + " '/api/complaints/{id}': " + getById("complaints", "get", "Complaint",
                        "'400': {'$ref': '#/components/responses/BadRequest'}") + ","
                + " '/api/complaints': " + get("complaints", "list", "Page") + ","
                + " '/api/complaints/{id}/history': " + getById("complaints", "history", "History") + ","
                + " '/api/audit/{service}/verify': {'get': {'operationId': 'verify', 'summary': 'Verifies', "
                + SECURED + ", 'parameters': [{'name': 'service', 'in': 'path', 'required': true, 'schema': "
                + "   {'type': 'string'}}], 'responses': {'200': {'description': 'OK', 'content': {'application/json':"
                + "   {'schema': {'$ref': '#/components/schemas/Verification'}}}}}}},"
                + " '/admin/projections': " + get("projections", "projections", "Internal") + "},"
                + " 'components': {'schemas': {" + PROBLEM + ","
                + "   'Complaint': {'type': 'object', 'properties': {'number': {'type': 'string'}}},"
                + "   'Page': {'type': 'object', 'properties': {'items': {'type': 'array', 'items':"
                + "     {'$ref': '#/components/schemas/Complaint'}}}},"
                + "   'History': {'type': 'object', 'properties': {'entries': {'type': 'array', 'items':"
                + "     {'$ref': '#/components/schemas/Entry'}}}},"
                + "   'Entry': {'type': 'object', 'properties': {'type': {'type': 'string'}}},"
                + "   'Verification': {'type': 'object', 'properties': {'intact': {'type': 'boolean'}}},"
                + "   'Internal': {'type': 'object', 'properties': {'lag': {'type': 'integer'}}}},"
                + "  'responses': {" + BAD_REQUEST + "}, " + BEARER + "}}"));
    }

    private static ServiceDocument dutylog() {
        return ServiceDocument.of("dutylog-service", List.of("/api/shifts", "/api/shifts/**", "/api/audit/dutylog/**"),
                read("{'openapi': '3.0.1', 'info': {'title': 'kefu dutylog-service', 'version': '0.1.0'},"
                + " 'tags': [{'name': 'shifts'}, {'name': 'complaints', 'description': 'not the first'}], 'paths': {"
                + " '/api/shifts/{id}': " + getById("shifts", "get", "Shift",
                        "'400': {'$ref': '#/components/responses/BadRequest'}") + ","
                + " '/api/shifts': " + get("shifts", "list", "Page") + ","
                + " '/api/shifts/{id}/history': " + getById("shifts", "history", "History") + ","
                + " '/api/audit/{service}/verify': {'get': {'operationId': 'verify', 'summary': 'Verifies', "
                + SECURED + ", 'parameters': [{'name': 'service', 'in': 'path', 'required': true, 'schema': "
                + "   {'type': 'string'}}], 'responses': {'200': {'description': 'OK', 'content': {'application/json':"
                + "   {'schema': {'$ref': '#/components/schemas/Verification'}}}}}}}},"
                + " 'components': {'schemas': {" + PROBLEM + ","
                + "   'Shift': {'type': 'object', 'properties': {'post': {'type': 'string'}}},"
                // a page of shifts: the same name as complaint-service's page of complaints, another schema
                + "   'Page': {'type': 'object', 'properties': {'items': {'type': 'array', 'items':"
                + "     {'$ref': '#/components/schemas/Shift'}}}},"
                // word for word complaint-service's History, but its Entry is not complaint-service's
                + "   'History': {'type': 'object', 'properties': {'entries': {'type': 'array', 'items':"
                + "     {'$ref': '#/components/schemas/Entry'}}}},"
                + "   'Entry': {'type': 'object', 'properties': {'type': {'type': 'string'}, 'shift':"
                + "     {'type': 'string'}}},"
                + "   'Verification': {'type': 'object', 'properties': {'intact': {'type': 'boolean'}}}},"
                + "  'responses': {'BadRequest': {'description': 'the entry is not valid', 'content':"
                + "    {'application/problem+json': {'schema': {'$ref': '#/components/schemas/Problem'}}}}}, "
                + BEARER + "}}"));
    }

    private static ServiceDocument members() {
        return ServiceDocument.of("membership-service", List.of("/api/members/**"), read("{'openapi': '3.0.1',"
                + " 'info': {'title': 'kefu membership-service', 'version': '0.1.0'}, 'paths': {"
                + " '/api/members/{id}': " + getById("members", "get", "Member") + "},"
                + " 'components': {'schemas': {'Member': {'type': 'object', 'properties': {'cardNumber':"
                + "   {'type': 'string'}}}}, " + BEARER + "}}"));
    }

    private static String schemaRef(Operation operation) {
        return operation.getResponses().get("200").getContent().get("application/json").getSchema().get$ref();
    }

    private static Schema<?> schema(OpenAPI api, String name) {
        return api.getComponents().getSchemas().get(name);
    }

    @Test
    @DisplayName("API1 schemas, responses and the bearer scheme that are the same in several documents are one; only "
            + "the paths the gateway routes to each service are in, with the components they use")
    void api1TheSameComponentsAreOneAndOnlyRoutedPathsAreIn() {
        OpenAPI api = gateway();
        ApiDocsMerge.merge(api, List.of(complaints(), dutylog(), members()));

        assertThat(api.getPaths().keySet()).containsExactlyInAnyOrder("/api/auth/token", "/api/complaints/{id}",
                "/api/complaints", "/api/complaints/{id}/history", "/api/audit/complaint/verify", "/api/shifts/{id}",
                "/api/shifts", "/api/shifts/{id}/history", "/api/audit/dutylog/verify", "/api/members/{id}");
        assertThat(api.getPaths().get("/api/audit/complaint/verify").getGet().getParameters())
                .as("the service's name is in the path now, not a parameter").isNull();
        assertThat(api.getComponents().getSchemas()).containsKeys("Problem", "Token", "Complaint", "Verification",
                "Shift", "Member").doesNotContainKeys("Internal", "DutylogProblem", "DutylogVerification");
        assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys("bearer");
        assertThat(api.getServers()).singleElement()
                .satisfies(server -> assertThat(server.getUrl()).isEqualTo("/"));
        assertThat(api.getTags()).as("the tags of routed operations, each once").extracting("name")
                .containsExactly("complaints", "shifts");
        assertThat(api.getExtensions()).isNull();
        assertValid(api);
    }

    @Test
    @DisplayName("API1 a schema or a response of the same name but different is renamed with the service's prefix, with "
            + "every reference to it, and so is one that differs only by what it refers to; operation ids are unique")
    void api1DifferentComponentsOfTheSameNameAreRenamed() {
        OpenAPI api = gateway();
        ApiDocsMerge.merge(api, List.of(complaints(), dutylog(), members()));

        assertThat(schemaRef(api.getPaths().get("/api/complaints").getGet())).isEqualTo("#/components/schemas/Page");
        assertThat(schemaRef(api.getPaths().get("/api/shifts").getGet()))
                .isEqualTo("#/components/schemas/DutylogPage");
        assertThat(schema(api, "Page").getProperties().get("items").getItems().get$ref())
                .isEqualTo("#/components/schemas/Complaint");
        assertThat(schema(api, "DutylogPage").getProperties().get("items").getItems().get$ref())
                .isEqualTo("#/components/schemas/Shift");

        assertThat(schemaRef(api.getPaths().get("/api/complaints/{id}/history").getGet()))
                .isEqualTo("#/components/schemas/History");
        assertThat(schemaRef(api.getPaths().get("/api/shifts/{id}/history").getGet()))
                .isEqualTo("#/components/schemas/DutylogHistory");
        assertThat(schema(api, "DutylogHistory").getProperties().get("entries").getItems().get$ref())
                .isEqualTo("#/components/schemas/DutylogEntry");
        assertThat(schema(api, "DutylogEntry").getProperties()).containsKeys("type", "shift");

        assertThat(api.getPaths().get("/api/complaints/{id}").getGet().getResponses().get("400").get$ref())
                .isEqualTo("#/components/responses/BadRequest");
        assertThat(api.getPaths().get("/api/shifts/{id}").getGet().getResponses().get("400").get$ref())
                .isEqualTo("#/components/responses/DutylogBadRequest");
        assertThat(api.getComponents().getResponses()).containsOnlyKeys("BadRequest", "DutylogBadRequest");

        List<String> ids = new ArrayList<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> ids.add(op.getOperationId())));
        assertThat(ids).doesNotHaveDuplicates().contains("get", "dutylogGet", "membershipGet", "list", "dutylogList",
                "verify", "dutylogVerify");
        assertValid(api);
    }

    @Test
    @DisplayName("API1 a service whose document could not be read leaves the others' as they are; the document names it "
            + "and why")
    void api1AMissingServiceIsNamed() {
        OpenAPI whole = gateway();
        ApiDocsMerge.merge(whole, List.of(complaints(), dutylog(), members()));
        OpenAPI api = gateway();
        ApiDocsMerge.merge(api, List.of(complaints(), ServiceDocument.unavailable("dutylog-service",
                List.of("/api/shifts/**"), "no answer: Connection refused"), members()));

        assertThat(api.getPaths().keySet()).containsExactlyInAnyOrder("/api/auth/token", "/api/complaints/{id}",
                "/api/complaints", "/api/complaints/{id}/history", "/api/audit/complaint/verify", "/api/members/{id}");
        assertThat(api.getPaths().get("/api/complaints")).isEqualTo(whole.getPaths().get("/api/complaints"));
        assertThat(api.getPaths().get("/api/members/{id}").getGet().getOperationId()).isEqualTo("membershipGet");
        assertThat(api.getExtensions()).containsEntry(ApiDocsMerge.UNAVAILABLE,
                Map.of("dutylog-service", "no answer: Connection refused"));
        assertThat(api.getInfo().getDescription()).contains("dutylog-service (no answer: Connection refused)");
        assertValid(api);
    }

    @Test
    @DisplayName("API1 an OpenAPI 3.1 document (springdoc's default) keeps its JSON Schema keywords through the merge")
    void api1OpenApi31KeepsItsKeywords() throws IOException {
        String header = "{'openapi': '3.1.0', 'info': {'title': 'kefu', 'version': '0.1.0'}, ";
        OpenAPI api = Json31.mapper().readValue((header + "'paths': {}, 'components': {'schemas': {" + PROBLEM
                + "}}}").replace('\'', '"'), OpenAPI.class);
        OpenAPI members = Json31.mapper().readValue((header + "'paths': {'/api/members/{id}': "
                + getById("members", "get", "Member") + "}, 'components': {'schemas': {" + PROBLEM + ", 'Member': "
                + "{'type': 'object', 'properties': {'note': {'type': ['string', 'null'], 'examples': ['VIP']}}}}}}")
                .replace('\'', '"'), OpenAPI.class);
        ApiDocsMerge.merge(api, List.of(ServiceDocument.of("membership-service", List.of("/api/members/**"),
                members)));

        var note = Json31.mapper().valueToTree(api).at("/components/schemas/Member/properties/note");
        assertThat(note.path("type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(note.path("examples").toString()).isEqualTo("[\"VIP\"]");
        assertThat(api.getComponents().getSchemas()).containsOnlyKeys("Problem", "Member");
    }

    /** swagger-parser reads the document without a message, and every reference in it names a component it has. */
    private static void assertValid(OpenAPI api) {
        String json = Json.pretty(api);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIV3Parser().readContents(json, null, options);
        assertThat(result.getMessages()).as(json).isEmpty();
        List<String> dangling = new ArrayList<>();
        References.walk(api.getPaths(), ref -> check(api, ref, dangling));
        References.walkComponents(api.getComponents(), ref -> check(api, ref, dangling));
        assertThat(dangling).as("references to nothing").isEmpty();
    }

    private static String check(OpenAPI api, String ref, List<String> dangling) {
        String[] parts = ref.split("/");
        Map<String, ?> kind = switch (parts[2]) {
            case "schemas" -> api.getComponents().getSchemas();
            case "responses" -> api.getComponents().getResponses();
            case "securitySchemes" -> api.getComponents().getSecuritySchemes();
            default -> Map.of();
        };
        if (kind == null || !kind.containsKey(parts[3])) {
            dangling.add(ref);
        }
        return ref;
    }
}
