package com.kefu.dutylog.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.dutylog.query.ShiftView;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The printable handover sheet (D6, D15) from its template, with the console's labels. */
class HandoverSheetPageTest {

    private static final Path CONSOLE = Path.of("..", "..", "gateway", "src", "main", "resources", "static", "console",
            "i18n");

    @Test
    @DisplayName("D6 D15 the handover sheet prints the page and both signatures, every label the console's own in Chinese and Russian, values escaped")
    void printsTheHandover() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode handover = json.readTree("""
                {"outgoing":"desk","incoming":"night","incomingFit":true,"substitute":null,
                 "preparation":{"recordsRead":true,"itemsCounted":true,"equipmentChecked":false},
                 "items":[{"name":"对讲机","quantity":3,"checked":true}],
                 "openMatters":[{"subject":"3楼漏水","cause":"水管老化","course":"已关阀门","result":"等工程部"}],
                 "instructions":[{"from":"主管 张","text":"<b>明早</b>检查消防通道"}],
                 "handedOverAt":"2026-05-04T14:00:00Z"}""");
        JsonNode acceptance = json.readTree("""
                {"acceptedBy":"night","acceptedAt":"2026-05-04T14:02:00Z","late":false}""");
        ShiftView shift = new ShiftView("s-1", "一楼服务台", LocalDate.of(2026, 5, 4), "desk",
                Instant.parse("2026-05-04T06:00:00Z"), false, null,
                List.of(new ShiftView.Entry("e-1", Instant.parse("2026-05-04T07:15:00Z"), "OTHER", "顾客遗失雨伞",
                        "登记", null, null, null, List.of(), "desk", Instant.parse("2026-05-04T07:16:00Z"))),
                handover, List.of(), null, null, acceptance, null, null, List.of(), List.of());
        String page = HandoverSheetPage.render(shift, ZoneId.of("Asia/Shanghai"));
        for (String language : List.of("zh", "ru")) {
            Map<String, String> bundle = json.readValue(CONSOLE.resolve(language).resolve("desk.json").toFile(),
                    new TypeReference<>() { });
            HandoverSheetPage.LABELS.forEach((name, key) -> {
                if (!name.equals("substitute")) { // printed only when someone took over for an unfit incoming person
                    assertThat(page).as(language + " " + key).contains(bundle.get(key));
                }
            });
        }
        assertThat(page).contains("一楼服务台", "2026-05-04", "2026-05-04 15:15", "顾客遗失雨伞", "对讲机", "3楼漏水",
                        "等工程部", "主管 张", "2026-05-04 22:00", "2026-05-04 22:02", "否 / нет")
                .contains("&lt;b&gt;明早&lt;/b&gt;").doesNotContain("<b>明早");
    }
}
