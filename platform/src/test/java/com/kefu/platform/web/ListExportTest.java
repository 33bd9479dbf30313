package com.kefu.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.kefu.platform.rules.InvalidRequest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exports of the console's lists: columns as the JSON names them, the format asked for, the bound. */
class ListExportTest {

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    record Customer(String name, String maskedPhone) {
    }

    record Item(String id, Customer customer, int count, boolean open, List<String> tags, Instant at) {
    }

    private static List<List<String>> read(byte[] csv) throws IOException {
        String text = new String(csv, StandardCharsets.UTF_8);
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(text.substring(1)))) {
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        }
    }

    @Test
    @DisplayName("a column per JSON field, a nested record's fields as outer.inner, a list as its JSON text, null empty; "
            + "the header is there even when the list is empty")
    void columnsAsTheJson() throws IOException {
        var items = List.of(new Item("a", new Customer("李*", "138****5678"), 3, true, List.of("x", "y"),
                Instant.parse("2026-12-07T08:00:00Z")), new Item("b", null, 0, false, List.of(), null));
        var answer = ListExport.of(json, ListExport.Format.CSV, "items-2026-12-07", Item.class, items);
        assertThat(answer.getHeaders().getContentDisposition().getFilename()).isEqualTo("items-2026-12-07.csv");
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(read(answer.getBody())).containsExactly(
                List.of("id", "customer.name", "customer.maskedPhone", "count", "open", "tags", "at"),
                List.of("a", "李*", "138****5678", "3", "true", "[\"x\",\"y\"]", "2026-12-07T08:00:00Z"),
                List.of("b", "", "", "0", "false", "[]", ""));
        assertThat(read(ListExport.of(json, ListExport.Format.CSV, "none", Item.class, List.of()).getBody()))
                .containsExactly(List.of("id", "customer.name", "customer.maskedPhone", "count", "open", "tags", "at"));
        var xlsx = ListExport.of(json, ListExport.Format.XLSX, "items", Item.class, items);
        assertThat(xlsx.getHeaders().getContentType().toString()).isEqualTo(Xlsx.MEDIA_TYPE);
        assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).isEqualTo("items.xlsx");
    }

    @Test
    @DisplayName("format: json, csv or xlsx; anything else is a 400 naming format; Accept picks by quality")
    void formats() {
        assertThat(ListExport.Format.named("json")).isNull();
        assertThat(ListExport.Format.named("csv")).isEqualTo(ListExport.Format.CSV);
        assertThat(ListExport.Format.named("xlsx")).isEqualTo(ListExport.Format.XLSX);
        assertThatThrownBy(() -> ListExport.Format.named("pdf")).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("format").hasMessageContaining("pdf");
        assertThat(ListExport.Format.accepted("text/csv")).isEqualTo(ListExport.Format.CSV);
        assertThat(ListExport.Format.accepted(Xlsx.MEDIA_TYPE)).isEqualTo(ListExport.Format.XLSX);
        assertThat(ListExport.Format.accepted("text/csv;q=0.5, " + Xlsx.MEDIA_TYPE)).isEqualTo(ListExport.Format.XLSX);
        assertThat(ListExport.Format.accepted("text/*")).isEqualTo(ListExport.Format.CSV);
    }

    @Test
    @DisplayName("an export holds at most 50,000 rows: one more is a 400 asking for narrower filters, not a cut file")
    void bounded() {
        ListExport.checkBound(ListExport.MAX_ROWS);
        assertThatThrownBy(() -> ListExport.checkBound(ListExport.MAX_ROWS + 1)).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("50000").hasMessageContaining("narrow");
        List<Item> tooMany = new ArrayList<>();
        for (int i = 0; i <= ListExport.MAX_ROWS; i++) {
            tooMany.add(new Item("i" + i, null, i, true, List.of(), null));
        }
        assertThatThrownBy(() -> ListExport.of(json, ListExport.Format.CSV, "x", Item.class, tooMany))
                .isInstanceOf(InvalidRequest.class);
    }
}
