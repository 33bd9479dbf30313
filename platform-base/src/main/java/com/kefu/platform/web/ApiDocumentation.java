package com.kefu.platform.web;

import com.kefu.platform.security.SecurityProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.AntPathMatcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OpenAPI document of every service ({@code /v3/api-docs}, API1): the bearer scheme, required by every operation
 * but the public ones ({@code kefu.security.public-paths}); and the problem details (RFC 9457) each operation may
 * answer with, by what it takes: 400 (parameters or a body), 401 and 403 (a token), 404 (an id in the path), 409 (a
 * command, refused by a rule), 413 (an upload), 429 (every call through the gateway). Each operation's summary is its
 * controller method's {@code @Operation(summary = …)}.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDocumentation {

    /** The name of the bearer scheme in {@code components.securitySchemes}. */
    public static final String BEARER = "bearer";
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<Integer, String> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put(400, "BadRequest: the request is not valid; the detail names what is wrong");
        PROBLEMS.put(401, "Unauthorized: no valid bearer token");
        PROBLEMS.put(403, "Forbidden: the token's role does not allow this");
        PROBLEMS.put(404, "NotFound: nothing with this id");
        PROBLEMS.put(409, "Conflict: the step is refused; the detail names the rule");
        PROBLEMS.put(413, "PayloadTooLarge: the body or the upload is larger than allowed");
        PROBLEMS.put(429, "TooManyRequests: too many requests of this user (or address); Retry-After says when again");
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI kefuOpenApi(Environment environment) {
        String name = environment.getProperty("spring.application.name", "kefu");
        return new OpenAPI()
                .info(new Info().title("kefu " + name).version("0.1.0").description("The " + name + " API of kefu. "
                        + "Every call goes through the gateway with a bearer token from POST /api/auth/token; every "
                        + "error is a problem detail (RFC 9457, application/problem+json) with a stable type."))
                .servers(List.of(new Server().url("/").description("the gateway (the same origin)")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("the access_token of POST /api/auth/token")));
    }

    @Bean
    OpenApiCustomizer securityAndProblems(SecurityProperties security) {
        return api -> document(api, security.publicPaths());
    }

    /** The bearer requirement (or none, on a public path) and the problems of every operation. */
    public static void document(OpenAPI api, List<String> publicPaths) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSchemas("Problem", problemSchema());
        PROBLEMS.forEach((status, text) -> components.addResponses(name(status), new ApiResponse()
                .description(text.substring(text.indexOf(':') + 2))
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))));
        if (api.getPaths() == null) {
            return;
        }
        AntPathMatcher matcher = new AntPathMatcher();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean open = publicPaths.stream().anyMatch(pattern -> matcher.match(pattern, path));
            operation.setSecurity(open ? List.of() : List.of(new SecurityRequirement().addList(BEARER)));
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            for (int status : problems(method, path, operation, open)) {
                responses.addApiResponse(Integer.toString(status),
                        new ApiResponse().$ref("#/components/responses/" + name(status)));
            }
        }));
    }

    /** The problems an operation may answer with: what it takes decides. */
    static Set<Integer> problems(PathItem.HttpMethod method, String path, Operation operation, boolean open) {
        Set<Integer> problems = new TreeSet<>();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) {
            problems.add(400);
        }
        if (!open) {
            problems.add(401);
            problems.add(403);
        }
        if (path.contains("{")) {
            problems.add(404);
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD && !open) {
            problems.add(409);
        }
        if (operation.getRequestBody() != null) {
            problems.add(413);
        }
        problems.add(429);
        return problems;
    }

    private static String name(int status) {
        String text = PROBLEMS.get(status);
        return text.substring(0, text.indexOf(':'));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("A problem detail (RFC 9457)")
                .addProperty("type", new StringSchema().format("uri")
                        .description("the kind of problem, stable: urn:kefu:problem:<kind>"))
                .addProperty("title", new StringSchema().description("the HTTP status's reason"))
                .addProperty("status", new IntegerSchema().description("the HTTP status"))
                .addProperty("detail", new StringSchema().description("what is wrong, in words"))
                .addProperty("instance", new StringSchema().format("uri").description("the request's path"));
    }
}
