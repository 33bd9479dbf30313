package com.kefu.platform.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kefu.platform.contract.valid.ParcelLogged;
import com.kefu.platform.test.PublishedEventSchemas;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The published-contract check validates payloads against the schemas, not only the field names. */
class PublishedEventSchemasTest {

    private static final String TOPIC = "sample.events";

    private static ParcelLogged parcel() {
        return new ParcelLogged("p1", "P-042", ParcelLogged.Kind.BOX, 3, Instant.parse("2026-01-15T15:30:00Z"),
                LocalDate.of(2026, 1, 15), null, List.of(new ParcelLogged.Line("书 books", 2)));
    }

    @Test
    @DisplayName("a payload as the relay writes it is valid against its schema, a $ref to another file included")
    void aValidPayloadPasses() throws Exception {
        assertThat(PublishedEventSchemas.errors(parcel(), TOPIC)).isEmpty();
        assertThat(PublishedEventSchemas.check("com.kefu.platform.contract.valid", TOPIC,
                Map.of("ParcelLogged.code", "P-001"))).containsExactly("ParcelLogged");
    }

    @Test
    @DisplayName("a wrong type, a missing required field, a broken pattern or date, an item breaking a $ref are errors")
    void aBrokenPayloadFails() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode valid = (ObjectNode) json.readTree(json.findAndRegisterModules().writeValueAsString(parcel()));
        valid.put("loggedAt", "2026-01-15T15:30:00Z").put("day", "2026-01-15");
        assertThat(PublishedEventSchemas.errors(valid, TOPIC, ParcelLogged.class)).isEmpty();

        assertThat(PublishedEventSchemas.errors(valid.deepCopy().put("pieces", "three"), TOPIC, ParcelLogged.class))
                .singleElement().asString().contains("pieces");
        ObjectNode missing = valid.deepCopy();
        missing.remove("parcelId");
        assertThat(PublishedEventSchemas.errors(missing, TOPIC, ParcelLogged.class))
                .singleElement().asString().contains("parcelId");
        assertThat(PublishedEventSchemas.errors(valid.deepCopy().put("code", "42"), TOPIC, ParcelLogged.class))
                .singleElement().asString().contains("code");
        assertThat(PublishedEventSchemas.errors(valid.deepCopy().put("day", "15.01.2026"), TOPIC, ParcelLogged.class))
                .singleElement().asString().contains("day");
        ObjectNode badLine = valid.deepCopy();
        ((ObjectNode) badLine.withArray("lines").get(0)).put("quantity", 0);
        assertThat(PublishedEventSchemas.errors(badLine, TOPIC, ParcelLogged.class))
                .singleElement().asString().contains("quantity");
    }

    @Test
    @DisplayName("the contract check fails on an event whose field changed type while its schema stayed, "
            + "and on a value the schema's pattern refuses")
    void theCheckFailsOnABrokenContract() {
        assertThatThrownBy(() -> PublishedEventSchemas.check("com.kefu.platform.contract.retyped", TOPIC,
                Map.of("ParcelLogged.code", "P-001")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("pieces");
        assertThatThrownBy(() -> PublishedEventSchemas.check("com.kefu.platform.contract.valid", TOPIC))
                .isInstanceOf(AssertionError.class).hasMessageContaining("code");
    }
}
