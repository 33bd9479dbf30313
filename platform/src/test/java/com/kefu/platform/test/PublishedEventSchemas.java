package com.kefu.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.platform.contracts.PublishedEvent;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a service's published contract: every {@link PublishedEvent} record in a package has its JSON schema
 * at {@code schemas/<topic>/<type>.v<version>.json}, the schema names exactly the record's fields, and every
 * field it requires exists. A field added or renamed without its schema fails here.
 */
public final class PublishedEventSchemas {

    private PublishedEventSchemas() {
    }

    /** Answers the event types it checked. */
    public static List<String> check(String apiPackage, String topic) throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(PublishedEvent.class));
        List<String> checked = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents(apiPackage)) {
            Class<?> type = Class.forName(definition.getBeanClassName());
            PublishedEvent contract = type.getAnnotation(PublishedEvent.class);
            String path = "schemas/" + topic + "/" + contract.type() + ".v" + contract.version() + ".json";
            JsonNode schema = read(path);
            Set<String> fields = new HashSet<>();
            Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).forEach(fields::add);
            Set<String> properties = new HashSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as("properties of " + path + " against " + type.getSimpleName())
                                  .isEqualTo(fields);
            schema.get("required").forEach(required ->
                    assertThat(fields).as("required field of " + path).contains(required.asText()));
            checked.add(contract.type());
        }
        return checked;
    }

    private static JsonNode read(String path) throws IOException {
        ClassPathResource resource = new ClassPathResource(path);
        assertThat(resource.exists()).as("schema " + path).isTrue();
        try (InputStream in = resource.getInputStream()) {
            return new ObjectMapper().readTree(in);
        }
    }
}
