package com.kefu.platform.test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * API1 for one service: its OpenAPI document ({@code /v3/api-docs} of the running test context), read with
 * swagger-parser, documents every operation as an integrator needs it (the rules of a linter's recommended set,
 * issue 20): a summary; the bearer scheme required, or none at all on the public operations; and the problem details
 * (application/problem+json) it may answer with: 400 when it takes parameters or a body, 401 and 403 when it needs a
 * token, 404 when its path holds an id, 409 when it is a command, 413 when it takes a body, 429 always (the gateway's
 * rate limit).
 */
public final class ApiDocs {

    private static final String PROBLEM_JSON = "application/problem+json";

    private ApiDocs() {
    }

    /** Fails naming every operation of the service's document that is not documented so. */
    public static void assertEveryOperationIsDocumented(int port, Set<String> publicOperations) {
        String document = Api.client(port).get().uri("/v3/api-docs").retrieve().body(String.class);
        assertEveryOperationIsDocumented(document, publicOperations);
    }

    /**
     * @param publicOperations the operations that need no token, as {@code "POST /api/auth/token"}; every other one
     *                         must require the bearer scheme
     */
    public static void assertEveryOperationIsDocumented(String document, Set<String> publicOperations) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(result.getMessages()).as("swagger-parser's messages on the document").isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getPaths()).as("the document's operations").isNotEmpty();
        List<String> bearerSchemes = api.getComponents() == null || api.getComponents().getSecuritySchemes() == null
                ? List.of() : api.getComponents().getSecuritySchemes().entrySet().stream()
                .filter(scheme -> scheme.getValue().getType() == SecurityScheme.Type.HTTP
                        && "bearer".equalsIgnoreCase(scheme.getValue().getScheme()))
                .map(Map.Entry::getKey).toList();
        assertThat(bearerSchemes).as("a bearer scheme in components.securitySchemes").isNotEmpty();
        List<String> problems = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            boolean open = publicOperations.contains(name);
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                problems.add(name + ": no summary");
            }
            var security = operation.getSecurity() != null ? operation.getSecurity() : api.getSecurity();
            if (open) {
                if (security == null || !security.isEmpty()) {
                    problems.add(name + ": public, but its security is not the empty list (security: [])");
                }
            } else if (security == null || security.isEmpty() || security.stream()
                    .anyMatch(requirement -> requirement.keySet().stream().noneMatch(bearerSchemes::contains))) {
                problems.add(name + ": no bearer security requirement");
            }
            for (int status : expected(method, path, operation, open)) {
                ApiResponse response = operation.getResponses() == null ? null
                        : operation.getResponses().get(Integer.toString(status));
                Content content = response == null ? null : response.getContent();
                if (response == null) {
                    problems.add(name + ": no " + status + " response");
                } else if (content == null || !content.containsKey(PROBLEM_JSON)) {
                    problems.add(name + ": its " + status + " response is not " + PROBLEM_JSON);
                }
            }
        }));
        if (!problems.isEmpty()) {
            fail(problems.size() + " gaps in the OpenAPI document:\n" + String.join("\n", problems));
        }
    }

    private static Set<Integer> expected(PathItem.HttpMethod method, String path, Operation operation, boolean open) {
        Set<Integer> expected = new TreeSet<>(List.of(429));
        if (operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
            expected.add(400);
        }
        if (operation.getRequestBody() != null) {
            expected.add(413);
        }
        if (!open) {
            expected.add(401);
            expected.add(403);
            if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
                expected.add(409);
            }
        }
        if (path.contains("{")) {
            expected.add(404);
        }
        return expected;
    }
}
