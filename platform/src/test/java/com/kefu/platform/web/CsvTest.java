package com.kefu.platform.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one CSV writer of the services' downloads. */
class CsvTest {

    private static List<List<String>> read(byte[] csv) throws IOException {
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(text.substring(1)))) {
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        }
    }

    @Test
    @DisplayName("S4 text that a spreadsheet would run as a formula (= + - @ tab CR first) is opened with an apostrophe; "
            + "numbers, even negative, stay numbers")
    void guardsAgainstFormulas() throws IOException {
        List<List<?>> rows = List.of(List.of("=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", -5,
                "a=b"));
        assertThat(read(Csv.write(List.of("a", "b", "c", "d", "e", "f", "g", "h"), rows)).get(1)).containsExactly(
                "'=HYPERLINK(\"http://x\")", "'+1", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", "-5", "a=b");
    }

    @Test
    @DisplayName("the file opens with the UTF-8 byte-order mark, lines end in CR LF, Chinese and Russian survive, "
            + "commas and quotes are quoted, null is an empty cell (quoted when first, so the line is not blank)")
    void bomAndText() throws IOException {
        byte[] csv = Csv.write(List.of("标题", "заголовок"),
                List.of(List.of("营业, \"开场\"", "Смена"), Arrays.asList(null, 3)));
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFF标题,заголовок\r\n\"营业, \"\"开场\"\"\",Смена\r\n\"\",3\r\n");
        assertThat(read(csv)).containsExactly(List.of("标题", "заголовок"), List.of("营业, \"开场\"", "Смена"),
                List.of("", "3"));
    }
}
