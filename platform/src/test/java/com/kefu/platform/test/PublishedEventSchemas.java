package com.kefu.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kefu.platform.envelope.EnvelopeSerializer;
import com.kefu.platform.contracts.PersonalData;
import com.kefu.platform.contracts.PublishedEvent;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a service's published contract: every {@link PublishedEvent} record in a package has its JSON schema
 * at {@code schemas/<topic>/<type>.v<version>.json}, the schema names exactly the record's fields, and a payload
 * of the record, written as the relay writes it ({@link EnvelopeSerializer}), is valid against the schema
 * (networknt's JSON Schema validator, draft 2020-12, formats asserted, {@code $ref} between a topic's schemas
 * resolved on the classpath). Two payloads per event: every field filled, and every field the schema does not
 * require left null. A field added, renamed or retyped without its schema fails here.
 */
public final class PublishedEventSchemas {

    private static final Instant AT = Instant.parse("2026-01-15T02:30:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.add(iri -> {
                String found = onClasspath(iri.toString());
                return found == null ? null : com.networknt.schema.AbsoluteIri.of(found);
            })));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private PublishedEventSchemas() {
    }

    /** Answers the event types it checked. */
    public static List<String> check(String apiPackage, String topic) throws Exception {
        return check(apiPackage, topic, Map.of());
    }

    /**
     * As {@link #check(String, String)}, with the values a generated payload cannot guess (a number's pattern):
     * {@code "ComplaintReceived.number" -> "KF-202601-00001"}, a nested field as {@code "Type.outer.inner"}.
     */
    public static List<String> check(String apiPackage, String topic, Map<String, Object> values) throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(PublishedEvent.class));
        List<String> checked = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents(apiPackage)) {
            Class<?> type = Class.forName(definition.getBeanClassName());
            PublishedEvent contract = type.getAnnotation(PublishedEvent.class);
            String path = path(topic, type);
            JsonNode schema = read(path);
            Set<String> fields = new HashSet<>();
            Arrays.stream(type.getRecordComponents()).filter(PublishedEventSchemas::published).map(RecordComponent::getName)
                  .forEach(fields::add);
            Set<String> properties = new HashSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as("properties of " + path + " against " + type.getSimpleName())
                                  .isEqualTo(fields);
            schema.get("required").forEach(required ->
                    assertThat(fields).as("required field of " + path).contains(required.asText()));
            Set<String> required = new HashSet<>();
            schema.get("required").forEach(name -> required.add(name.asText()));
            for (boolean optionalNull : new boolean[] {false, true}) {
                Object payload = sample(type, schema, contract.type(), new Sampling(topic, schema, values),
                        optionalNull ? required : null);
                errors(payload, topic).forEach(error -> invalid.add(contract.type() + " ("
                        + (optionalNull ? "optional fields null" : "filled") + ") against " + path + ": " + error));
            }
            checked.add(contract.type());
        }
        assertThat(invalid).as("payloads that break their schema").isEmpty();
        return checked;
    }

    /**
     * What is wrong with a published event's payload against its schema, as the relay would publish it; empty
     * when it is valid. For the payloads a test produces or builds.
     */
    public static Set<String> errors(Object payload, String topic) throws IOException {
        JsonNode data = JSON.readTree(new EnvelopeSerializer().serialize(topic, payload));
        if (data instanceof ObjectNode fields) {
            Arrays.stream(payload.getClass().getRecordComponents()).filter(component -> !published(component))
                  .forEach(component -> fields.remove(component.getName()));
        }
        return errors(data, topic, payload.getClass());
    }

    /** What is wrong with a payload read as JSON, against the schema of a {@link PublishedEvent} type. */
    public static Set<String> errors(JsonNode data, String topic, Class<?> type) {
        return errors(data, path(topic, type));
    }

    /**
     * What is wrong with the data of an envelope read from a topic, against the schema its type and version
     * name: for the records a test's own requests made the relay publish.
     */
    public static Set<String> envelopeErrors(JsonNode envelope, String topic) {
        String path = "schemas/" + topic + "/" + envelope.path("type").asText() + ".v"
                + envelope.path("version").asInt() + ".json";
        assertThat(new ClassPathResource(path).exists()).as("schema " + path).isTrue();
        return errors(envelope.path("data"), path).stream()
                .map(error -> envelope.path("type").asText() + ": " + error).collect(Collectors.toSet());
    }

    /** Whether the relay puts a component on the topic: all but the personal texts the service keeps to itself. */
    private static boolean published(RecordComponent component) {
        PersonalData personal = component.getAnnotation(PersonalData.class);
        return personal == null || personal.published();
    }

    private static Set<String> errors(JsonNode data, String path) {
        JsonSchema schema = FACTORY.getSchema(com.networknt.schema.SchemaLocation.of("classpath:" + path), CONFIG);
        return schema.validate(data).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    private static String path(String topic, Class<?> type) {
        PublishedEvent contract = type.getAnnotation(PublishedEvent.class);
        assertThat(contract).as(type.getSimpleName() + " is a published event").isNotNull();
        return "schemas/" + topic + "/" + contract.type() + ".v" + contract.version() + ".json";
    }

    /**
     * The schemas name themselves {@code urn:kefu:schema:<topic>:<type>:<version>} and refer to each other by
     * file name ({@code ComplaintReceived.v1.json#/...}): both found beside each other on the classpath.
     */
    private static String onClasspath(String iri) {
        if (iri.startsWith("urn:kefu:schema:")) {
            String[] parts = iri.substring("urn:kefu:schema:".length()).split(":");
            String file = parts[parts.length - 1].endsWith(".json") ? parts[parts.length - 1] // a file name resolved
                    : parts[1] + ".v" + parts[2] + ".json";                                   // against a URN
            return "classpath:schemas/" + parts[0] + "/" + file;
        }
        return null;
    }

    private static JsonNode read(String path) throws IOException {
        ClassPathResource resource = new ClassPathResource(path);
        assertThat(resource.exists()).as("schema " + path).isTrue();
        try (InputStream in = resource.getInputStream()) {
            return JSON.readTree(in);
        }
    }

    /** A record filled from its schema: an enum's first value, a date where the schema wants one, else text. */
    /** What a generated payload is made from: the topic's schemas, the event's own and the values given. */
    private record Sampling(String topic, JsonNode document, Map<String, Object> values) {

        /** A {@code $ref} to a definition in the same file or in another schema of the topic, followed. */
        JsonNode resolved(JsonNode schema) throws IOException {
            if (!schema.has("$ref")) {
                return schema;
            }
            String ref = schema.get("$ref").asText();
            int hash = ref.indexOf('#');
            String file = hash < 0 ? ref : ref.substring(0, hash);
            JsonNode target = file.isEmpty() ? document : read("schemas/" + topic + "/" + file);
            return resolved(hash < 0 ? target : target.at(ref.substring(hash + 1)));
        }
    }

    private static Object sample(Class<?> type, JsonNode schema, String path, Sampling sampling,
                                 Set<String> nullUnlessRequired) throws ReflectiveOperationException, IOException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String name = path + "." + component.getName();
            JsonNode property = schema.path("properties").path(component.getName());
            if (nullUnlessRequired != null && !nullUnlessRequired.contains(component.getName())
                    && !component.getType().isPrimitive()) {
                arguments[i] = null;
            } else {
                arguments[i] = value(component.getType(), component.getGenericType(), sampling.resolved(property), name,
                        sampling);
            }
        }
        Constructor<?> constructor = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        constructor.setAccessible(true);
        return constructor.newInstance(arguments);
    }

    private static Object value(Class<?> type, Type generic, JsonNode schema, String name, Sampling sampling)
            throws ReflectiveOperationException, IOException {
        if (sampling.values().containsKey(name)) {
            return sampling.values().get(name);
        }
        if (type == String.class) {
            if (schema.has("enum")) {
                return schema.get("enum").get(0).asText();
            }
            return switch (schema.path("format").asText()) {
                case "date-time" -> AT.toString();
                case "date" -> "2026-01-15";
                default -> "示例 " + name;
            };
        }
        if (type == int.class || type == Integer.class) {
            return 2;
        }
        if (type == long.class || type == Long.class) {
            return 2L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == Instant.class) {
            return AT;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 1, 15);
        }
        if (type == UUID.class) {
            return UUID.fromString("00000000-0000-0000-0000-000000000001");
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            for (JsonNode allowed : schema.path("enum")) {
                for (Object constant : constants) {
                    if (((Enum<?>) constant).name().equals(allowed.asText())) {
                        return constant;
                    }
                }
            }
            return constants[0];
        }
        if (type.isRecord()) {
            return sample(type, schema, name, sampling, null);
        }
        if (List.class.isAssignableFrom(type) && generic instanceof ParameterizedType list) {
            Type element = list.getActualTypeArguments()[0];
            Class<?> elementType = element instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                    : (Class<?>) element;
            return List.of(value(elementType, element, sampling.resolved(schema.path("items")), name + "[]",
                    sampling));
        }
        throw new IllegalArgumentException(name + ": no sample for " + generic
                + "; give one in the values of PublishedEventSchemas.check");
    }
}
