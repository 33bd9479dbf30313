package com.kefu.platform.privacy;

import com.kefu.platform.contracts.DataSubject;

import com.kefu.platform.contracts.PersonalData;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.kefu.platform.contracts.PersonalData.Kind.DOCUMENT;
import static com.kefu.platform.contracts.PersonalData.Kind.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

/** S5: personal data is masked by what its annotation says it is, never by what the field is called. */
class PersonalFieldsTest {

    record Contact(@PersonalData String who, @PersonalData(PHONE) String reachAt) {
    }

    /** Names that say nothing, and one that says "phone" but is no personal data (a shop's switchboard). */
    record Asked(@DataSubject String requestId, @PersonalData String enquirer, @PersonalData(PHONE) String enquirerPhone,
                 @PersonalData(DOCUMENT) String papers, Contact other, String phone) {
    }

    @Test
    @DisplayName("S5 PD1 every @PersonalData text masked as a name, a phone or a document, nested ones too, whatever "
            + "it is called; other texts untouched")
    void masksByMeaning() {
        ObjectNode event = new ObjectMapper().valueToTree(new Asked("r-1", "Сергей Волков", "13987654321",
                "护照 E12345678", new Contact("欧阳娜娜", "+7 914 555-01-99"), "021-12345678"));

        PersonalFields.of(Asked.class).mask(event);

        assertThat(event.get("enquirer").asText()).isEqualTo("С***** В*****");
        assertThat(event.get("enquirerPhone").asText()).isEqualTo("139****4321");
        assertThat(event.get("papers").asText()).isEqualTo("** *****5678");
        assertThat(event.get("other").get("who").asText()).isEqualTo("欧***");
        assertThat(event.get("other").get("reachAt").asText()).isEqualTo("+79****0199");
        assertThat(event.get("phone").asText()).isEqualTo("021-12345678");
        assertThat(event.get("requestId").asText()).isEqualTo("r-1");
    }

    /** A registration keeping the customer's contact in clear to itself, beside the masked one it publishes. */
    record Registered(@DataSubject String caseId, @PersonalData String customer, String maskedPhone,
                      @PersonalData(value = PHONE, published = false) String customerPhone, Contact other) {
    }

    @Test
    @DisplayName("S1 S5 on a topic a personal text kept in the service is left out altogether, the others masked; in a "
            + "history it is masked like the rest")
    void keptInTheService() {
        Registered registered = new Registered("c-1", "王芳", "138****5678", "13812345678",
                new Contact("欧阳娜娜", "+7 914 555-01-99"));
        ObjectNode onTopic = new ObjectMapper().valueToTree(registered);
        ObjectNode inHistory = new ObjectMapper().valueToTree(registered);

        PersonalFields.of(Registered.class).forTopic(onTopic);
        PersonalFields.of(Registered.class).mask(inHistory);

        assertThat(onTopic.has("customerPhone")).isFalse();
        assertThat(onTopic.toString()).doesNotContain("13812345678").doesNotContain("王芳").doesNotContain("欧阳娜娜");
        assertThat(onTopic.get("customer").asText()).isEqualTo("王*");
        assertThat(onTopic.get("maskedPhone").asText()).isEqualTo("138****5678");
        assertThat(onTopic.get("other").get("reachAt").asText()).isEqualTo("+79****0199");
        assertThat(inHistory.get("customerPhone").asText()).isEqualTo("138****5678");
    }

    @Test
    @DisplayName("S3 PD1 erased stays erased, whatever kind of data it was")
    void erasedStaysErased() {
        for (PersonalData.Kind kind : PersonalData.Kind.values()) {
            assertThat(Masking.of(kind, Masking.ERASED)).isEqualTo(Masking.ERASED);
        }
    }
}
