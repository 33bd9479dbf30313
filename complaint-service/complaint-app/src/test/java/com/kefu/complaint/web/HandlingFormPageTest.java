package com.kefu.complaint.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kefu.complaint.query.AttachmentQueries;
import com.kefu.complaint.query.HandlingForm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The printable handling form (C8) from its template, with the console's labels. */
class HandlingFormPageTest {

    /** The staff console's bundles, read where the console has them: the form must say what the screen says. */
    private static final Path CONSOLE = Path.of("..", "..", "gateway", "src", "main", "resources", "static", "console",
            "i18n");

    private static Map<String, String> console(String language) throws IOException {
        return new ObjectMapper().readValue(CONSOLE.resolve(language).resolve("complaints.json").toFile(),
                new TypeReference<>() { });
    }

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static String page() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode complaint = json.createObjectNode().put("channel", "PHONE").put("category", "FACILITY")
                .put("severity", "NORMAL").put("priority", "HIGH").put("subject", "<b>电梯</b> & 扶梯")
                .put("description", "停了");
        complaint.putObject("customer").put("name", "王").put("maskedPhone", "138****5678");
        complaint.putObject("merchant").put("shopNo", "B1-07").put("name", "茶铺");
        var step = new HandlingForm.Step("ComplaintResolved", "处理结果反馈", "Результат работы",
                Instant.parse("2026-01-15T15:30:00Z"), "engineering", json.createObjectNode().put("result", "修好了"));
        var receipt = new AttachmentQueries.AttachmentView("a-1", "<i>发票</i>.png", "image/png", 70, SHA, "desk",
                Instant.parse("2026-01-15T15:00:00Z"), false, null);
        var erased = new AttachmentQueries.AttachmentView("a-2", null, "image/jpeg", 900, SHA.replace('a', 'b'),
                "desk", Instant.parse("2026-01-15T15:10:00Z"), true, Instant.parse("2026-01-16T00:00:00Z"));
        return HandlingFormPage.render(new HandlingForm(HandlingForm.TITLE, "KF-202601-00001", "RESOLVED", true,
                complaint, List.of(step), List.of(receipt, erased)), ZoneId.of("Asia/Shanghai"));
    }

    @Test
    @DisplayName("C8 every label of the printable form is the console's own, in Chinese and Russian")
    void labelsComeFromTheConsoleBundles() throws IOException {
        String page = page();
        for (String language : List.of("zh", "ru")) {
            Map<String, String> bundle = console(language);
            HandlingFormPage.LABELS.values().forEach(key ->
                    assertThat(page).as(language + " " + key).contains(bundle.get(key)));
        }
        assertThat(page).contains("客户服务处理表", "Карточка обработки обращения", "KF-202601-00001", "138****5678",
                "B1-07 茶铺", "2026-01-15 23:30", "处理结果反馈", "Результат работы", "result: 修好了");
    }

    @Test
    @DisplayName("C8 C16 the form lists the complaint's attachments by name, type, size and SHA-256; an erased one as "
            + "erased, with its hash")
    void listsTheAttachments() throws IOException {
        String page = page();
        assertThat(page).contains("&lt;i&gt;发票&lt;/i&gt;.png", "image/png", "70", SHA, "image/jpeg",
                SHA.replace('a', 'b'), console("zh").get("complaints.attachments.erased"),
                console("ru").get("complaints.attachments.erased"));
    }

    @Test
    @DisplayName("C8 what was typed at the desk is escaped, never markup")
    void escapesValues() {
        assertThat(page()).contains("&lt;b&gt;电梯&lt;/b&gt; &amp; 扶梯").doesNotContain("<b>电梯");
    }
}
