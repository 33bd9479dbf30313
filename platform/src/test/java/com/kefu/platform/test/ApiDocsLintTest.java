package com.kefu.platform.test;

import com.kefu.platform.web.ApiDocumentation;
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
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API1: the lint of {@link ApiDocs} fails on each gap it names, and passes what {@link ApiDocumentation} documents. */
class ApiDocsLintTest {

    private static OpenAPI api(String summary) {
        Operation command = new Operation().summary(summary).responses(ok())
                .addParametersItem(new PathParameter().name("id").required(true).schema(new StringSchema()))
                .requestBody(json());
        Operation login = new Operation().summary("Signs in").requestBody(json()).responses(ok());
        return new OpenAPI().info(new Info().title("things").version("1")).components(new Components())
                .paths(new Paths().addPathItem("/api/things/{id}/close", new PathItem().post(command))
                        .addPathItem("/api/auth/token", new PathItem().post(login)));
    }

    private static ApiResponses ok() {
        return new ApiResponses().addApiResponse("200", new ApiResponse().description("done"));
    }

    private static RequestBody json() {
        return new RequestBody().content(new Content().addMediaType("application/json",
                new MediaType().schema(new ObjectSchema())));
    }

    @Test
    @DisplayName("API1 an operation without a summary, a security requirement or its problem responses fails the lint")
    void api1TheLintNamesEveryGap() {
        OpenAPI bare = api(null);
        bare.getComponents().addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer"));
        assertThatThrownBy(() -> ApiDocs.assertEveryOperationIsDocumented(Json.pretty(bare),
                Set.of("POST /api/auth/token")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("POST /api/things/{id}/close: no summary")
                .hasMessageContaining("POST /api/things/{id}/close: no bearer security requirement")
                .hasMessageContaining("POST /api/things/{id}/close: no 404 response")
                .hasMessageContaining("POST /api/things/{id}/close: no 409 response")
                .hasMessageContaining("POST /api/auth/token: public, but its security is not the empty list");
    }

    @Test
    @DisplayName("API1 an operation documented by ApiDocumentation passes the lint; without a summary it does not")
    void api1ApiDocumentationDocumentsWhatTheLintAsks() {
        OpenAPI documented = api("Closes a thing");
        documented.getComponents().addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer"));
        ApiDocumentation.document(documented, List.of("/api/auth/token"));
        assertThatCode(() -> ApiDocs.assertEveryOperationIsDocumented(Json.pretty(documented),
                Set.of("POST /api/auth/token"))).doesNotThrowAnyException();

        OpenAPI unsummarised = api(" ");
        ApiDocumentation.document(unsummarised, List.of("/api/auth/token"));
        unsummarised.getComponents().addSecuritySchemes("bearer", new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer"));
        assertThatThrownBy(() -> ApiDocs.assertEveryOperationIsDocumented(Json.pretty(unsummarised),
                Set.of("POST /api/auth/token"))).hasMessageContaining("no summary").hasMessageNotContaining("response");
    }
}
