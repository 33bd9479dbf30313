package com.kefu.complaint.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kefu.complaint.query.HandlingForm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The printable customer information registration form (C1) from its template, with the console's labels. */
class RegistrationFormPageTest {

    private static final Path CONSOLE = Path.of("..", "..", "gateway", "src", "main", "resources", "static", "console",
            "i18n");

    private static String page() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode complaint = json.createObjectNode().put("channel", "VISIT").put("category", "PRODUCT_QUALITY")
                .put("priority", "NORMAL").put("subject", "<i>空调</i> не холодит").put("description", "买了三天");
        complaint.putObject("customer").put("name", "李").put("maskedPhone", "139****0001");
        var intake = new HandlingForm.Step("ComplaintReceived", "受理登记", "Обращение принято",
                Instant.parse("2026-03-01T16:05:00Z"), "desk", json.createObjectNode());
        var later = new HandlingForm.Step("ComplaintResolved", "处理结果反馈", "Результат работы",
                Instant.parse("2026-03-02T02:00:00Z"), "engineering", json.createObjectNode().put("result", "换货"));
        return RegistrationFormPage.render(new HandlingForm(HandlingForm.TITLE, "KF-202603-00042", "RESOLVED", false,
                complaint, List.of(intake, later), List.of()), ZoneId.of("Asia/Shanghai"));
    }

    @Test
    @DisplayName("C1 the registration form prints what intake took down, every label the console's own in Chinese and Russian, values escaped")
    void printsTheIntake() throws IOException {
        String page = page();
        for (String language : List.of("zh", "ru")) {
            Map<String, String> bundle = new ObjectMapper().readValue(
                    CONSOLE.resolve(language).resolve("complaints.json").toFile(), new TypeReference<>() { });
            RegistrationFormPage.LABELS.values().forEach(key ->
                    assertThat(page).as(language + " " + key).contains(bundle.get(key)));
        }
        assertThat(page).contains("KF-202603-00042", "李  139****0001", "VISIT", "PRODUCT_QUALITY", "买了三天",
                        "desk", "2026-03-02 00:05", "&lt;i&gt;空调&lt;/i&gt; не холодит")
                .doesNotContain("<i>空调", "换货", "engineering");
    }
}
