package com.kefu.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.platform.axon.AuditedRecords;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service's test of its auditable records (A4) checks: that each aggregate of the service is a kind of
 * its {@link AuditedRecords} (a new aggregate cannot be forgotten), and that a record as it was at its last event is
 * the record as the live read shows it, through {@code /api/audit/{service}/records}.
 */
public final class AuditedRecordsChecks {

    private AuditedRecordsChecks() {
    }

    /** Every {@code @Aggregate} class under {@code basePackage} is the aggregate of one kind, and no kind is another. */
    public static void everyAggregateIsAKind(AuditedRecords records, String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Aggregate.class));
        Set<String> aggregates = scanner.findCandidateComponents(basePackage).stream()
                .map(BeanDefinition::getBeanClassName).collect(Collectors.toSet());
        assertThat(aggregates).isNotEmpty();
        assertThat(records.kinds().stream().map(kind -> kind.aggregate().getName()).collect(Collectors.toSet()))
                .as("the kinds of record of the service's AuditedRecords")
                .containsExactlyInAnyOrderElementsOf(aggregates);
    }

    /**
     * The record {@code id} of {@code kind}, asked by {@code get} (a GET as an auditor): as it was at
     * its last event it equals the live read; before its first event it is 404; its history is not empty. Answers the
     * history.
     */
    public static JsonNode asOfNowIsLive(String service, String kind, String id,
                                         Function<String, ResponseEntity<JsonNode>> get) {
        String record = "/api/audit/" + service + "/records/" + kind + "/" + id;
        ResponseEntity<JsonNode> history = get.apply(record + "/history");
        assertThat(history.getStatusCode().value()).as(kind + " " + id + ": " + history.getBody()).isEqualTo(200);
        JsonNode events = history.getBody();
        assertThat(events.size()).isPositive();
        Instant first = Instant.parse(events.get(0).get("occurredAt").asText());
        String last = events.get(events.size() - 1).get("occurredAt").asText();
        ResponseEntity<JsonNode> live = get.apply(record);
        assertThat(live.getStatusCode().value()).as(kind + " " + id + ": " + live.getBody()).isEqualTo(200);
        ResponseEntity<JsonNode> then = get.apply(record + "?asOf=" + last);
        assertThat(then.getStatusCode().value()).as(kind + " " + id + ": " + then.getBody()).isEqualTo(200);
        assertThat(then.getBody()).as(kind + " " + id + " as of its last event").isEqualTo(live.getBody());
        ResponseEntity<JsonNode> before = get.apply(record + "?asOf=" + first.minusMillis(1));
        assertThat(before.getStatusCode().value()).as(kind + " " + id + " before it existed").isEqualTo(404);
        return events;
    }
}
