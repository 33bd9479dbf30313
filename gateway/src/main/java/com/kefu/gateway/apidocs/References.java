package com.kefu.gateway.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.callbacks.Callback;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.links.Link;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Encoding;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Every reference of a part of an OpenAPI document, walked on swagger-core's model: each {@code $ref} (and each
 * discriminator mapping, which is one too) and each security requirement's scheme, which names a component of
 * {@code components.securitySchemes} by its name alone. The walk hands each to {@code rename} as a whole reference
 * ({@code #/components/schemas/Page}, {@code #/components/securitySchemes/bearer}) and writes back what it answers:
 * the same to only read them, another to rename the component they point to.
 */
final class References {

    static final String SECURITY_SCHEMES = "#/components/securitySchemes/";

    private final UnaryOperator<String> rename;

    private References(UnaryOperator<String> rename) {
        this.rename = rename;
    }

    /** Walks {@code part}: a path item, an operation, a component of any kind, or a map or list of them. */
    static void walk(Object part, UnaryOperator<String> rename) {
        new References(rename).visit(part);
    }

    /** Walks every component of {@code components}. */
    static void walkComponents(Components components, UnaryOperator<String> rename) {
        if (components == null) {
            return;
        }
        References walker = new References(rename);
        walker.visit(components.getSchemas());
        walker.visit(components.getResponses());
        walker.visit(components.getParameters());
        walker.visit(components.getExamples());
        walker.visit(components.getRequestBodies());
        walker.visit(components.getHeaders());
        walker.visit(components.getSecuritySchemes());
        walker.visit(components.getLinks());
        walker.visit(components.getCallbacks());
    }

    private String ref(String ref) {
        return ref == null ? null : rename.apply(ref);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void visit(Object part) {
        if (part == null) {
            return;
        }
        // Callback, Content and ApiResponses are maps themselves: their own $ref (a Callback's) first
        if (part instanceof Callback callback) {
            callback.set$ref(ref(callback.get$ref()));
        }
        if (part instanceof Map<?, ?> map) {
            map.values().forEach(this::visit);
        } else if (part instanceof Collection<?> collection) {
            collection.forEach(this::visit);
        } else if (part instanceof Schema schema) {
            schema(schema);
        } else if (part instanceof PathItem item) {
            item.set$ref(ref(item.get$ref()));
            visit(item.getParameters());
            item.readOperations().forEach(this::visit);
        } else if (part instanceof Operation operation) {
            visit(operation.getParameters());
            visit(operation.getRequestBody());
            visit(operation.getResponses());
            visit(operation.getCallbacks());
            operation.setSecurity(security(operation.getSecurity()));
        } else if (part instanceof Parameter parameter) {
            parameter.set$ref(ref(parameter.get$ref()));
            visit(parameter.getSchema());
            visit(parameter.getContent());
            visit(parameter.getExamples());
        } else if (part instanceof RequestBody body) {
            body.set$ref(ref(body.get$ref()));
            visit(body.getContent());
        } else if (part instanceof ApiResponse response) {
            response.set$ref(ref(response.get$ref()));
            visit(response.getContent());
            visit(response.getHeaders());
            visit(response.getLinks());
        } else if (part instanceof Header header) {
            header.set$ref(ref(header.get$ref()));
            visit(header.getSchema());
            visit(header.getContent());
            visit(header.getExamples());
        } else if (part instanceof MediaType media) {
            visit(media.getSchema());
            visit(media.getExamples());
            visit(media.getEncoding());
        } else if (part instanceof Encoding encoding) {
            visit(encoding.getHeaders());
        } else if (part instanceof Example example) {
            example.set$ref(ref(example.get$ref()));
        } else if (part instanceof Link link) {
            link.set$ref(ref(link.get$ref()));
            visit(link.getHeaders());
        } else if (part instanceof SecurityScheme scheme) {
            scheme.set$ref(ref(scheme.get$ref()));
        }
    }

    @SuppressWarnings("rawtypes")
    private void schema(Schema schema) {
        schema.set$ref(ref(schema.get$ref()));
        visit(schema.getProperties());
        visit(schema.getItems());
        visit(schema.getAllOf());
        visit(schema.getAnyOf());
        visit(schema.getOneOf());
        visit(schema.getNot());
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            visit(additional);
        }
        if (schema.getDiscriminator() != null && schema.getDiscriminator().getMapping() != null) {
            schema.getDiscriminator().getMapping().replaceAll((value, target) -> target.startsWith("#") ? ref(target)
                    : target);
        }
        // OpenAPI 3.1's JSON Schema keywords (the services write 3.0, but a walk that skips them would miss refs)
        visit(schema.getPrefixItems());
        visit(schema.getPatternProperties());
        visit(schema.getContains());
        visit(schema.getIf());
        visit(schema.getThen());
        visit(schema.getElse());
        visit(schema.getDependentSchemas());
        visit(schema.getPropertyNames());
        visit(schema.getUnevaluatedProperties());
        visit(schema.getUnevaluatedItems());
        visit(schema.getAdditionalItems());
        visit(schema.getContentSchema());
    }

    /** A security requirement names its schemes by name: each renamed as the reference to it is. */
    private List<SecurityRequirement> security(List<SecurityRequirement> requirements) {
        if (requirements == null) {
            return null;
        }
        return requirements.stream().map(requirement -> {
            SecurityRequirement renamed = new SecurityRequirement();
            new LinkedHashMap<>(requirement).forEach((scheme, scopes) -> renamed.addList(
                    ref(SECURITY_SCHEMES + scheme).substring(SECURITY_SCHEMES.length()), scopes));
            return renamed;
        }).toList();
    }

    /** Walks a document's top-level security requirements. */
    static List<SecurityRequirement> security(List<SecurityRequirement> requirements, UnaryOperator<String> rename) {
        return new References(rename).security(requirements);
    }
}
