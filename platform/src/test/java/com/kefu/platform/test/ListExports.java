package com.kefu.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks of a list's exports against its JSON (README "Exports"): the CSV (by {@code ?format=csv} and by Accept) and
 * the XLSX (by Accept and by {@code ?format=xlsx}, read back with fastexcel-reader) hold the rows of the JSON list in
 * its order, a column per JSON field ({@code outer.inner} for a nested one), each cell the JSON's value.
 */
public final class ListExports {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ListExports() {
    }

    /** A file read back: its header and its rows, each cell as the JSON it stands for is compared with. */
    public record Table(List<String> header, List<List<Object>> rows) {
    }

    /**
     * Asserts that the exports of {@code path} (the list's path and filters, as {@code token}) hold the rows of
     * {@code items}, the JSON list with the same filters; answers the CSV read back.
     */
    public static Table assertSameRows(RestClient api, String token, String path, JsonNode items, String fileName) {
        String joiner = path.contains("?") ? "&" : "?";
        Table csv = csv(download(api, token, path + joiner + "format=csv", MediaType.ALL_VALUE, "text/csv",
                fileName + ".csv"));
        Table csvByAccept = csv(download(api, token, path, "text/csv", "text/csv", fileName + ".csv"));
        Table xlsx = xlsx(download(api, token, path, XLSX, XLSX, fileName + ".xlsx"));
        Table xlsxByFormat = xlsx(download(api, token, path + joiner + "format=xlsx", MediaType.ALL_VALUE, XLSX,
                fileName + ".xlsx"));
        assertThat(csvByAccept).isEqualTo(csv);
        assertThat(xlsxByFormat).isEqualTo(xlsx);
        assertThat(xlsx.header()).isEqualTo(csv.header());
        List<String> leaves = new ArrayList<>();
        items.forEach(item -> leaves(item, "", leaves));
        assertThat(csv.header()).as("a column for every field of the JSON").containsAll(leaves);
        assertThat(csv.rows()).hasSize(items.size());
        assertThat(xlsx.rows()).hasSize(items.size());
        for (int row = 0; row < items.size(); row++) {
            for (int column = 0; column < csv.header().size(); column++) {
                String field = csv.header().get(column);
                JsonNode value = items.get(row).at("/" + field.replace(".", "/"));
                assertThat(csv.rows().get(row).get(column)).as("CSV row %d %s", row, field)
                        .isEqualTo(csvText(value));
                assertThat(xlsx.rows().get(row).get(column)).as("XLSX row %d %s", row, field)
                        .isEqualTo(xlsxValue(value));
            }
        }
        return csv;
    }

    /** Asserts that {@code ?format=pdf} is a 400 problem naming {@code format}. */
    public static void assertBadFormatRefused(RestClient api, String token, String path) {
        String joiner = path.contains("?") ? "&" : "?";
        ResponseEntity<JsonNode> wrong = api.get().uri(path + joiner + "format=pdf")
                .header(HttpHeaders.AUTHORIZATION, token).retrieve().toEntity(JsonNode.class);
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(wrong.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(wrong.getBody().get("detail").asText()).contains("format").contains("pdf");
    }

    private static ResponseEntity<byte[]> download(RestClient api, String token, String uri, String accept,
                                                   String type, String fileName) {
        ResponseEntity<byte[]> answer = api.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token)
                .header(HttpHeaders.ACCEPT, accept).retrieve().toEntity(byte[].class);
        assertThat(answer.getStatusCode().value()).as("%s as %s", uri, accept).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith(type);
        assertThat(answer.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(answer.getHeaders().getContentDisposition().getFilename()).isEqualTo(fileName);
        return answer;
    }

    private static Table csv(ResponseEntity<byte[]> answer) {
        String text = new String(answer.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(text.substring(1)))) {
            List<CSVRecord> records = parser.getRecords();
            return new Table(records.get(0).toList(), records.subList(1, records.size()).stream()
                    .map(record -> List.<Object>copyOf(record.toList())).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Table xlsx(ResponseEntity<byte[]> answer) {
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(answer.getBody()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            List<String> header = rows.get(0).stream().map(Cell::getText).toList();
            List<List<Object>> cells = new ArrayList<>();
            for (Row row : rows.subList(1, rows.size())) {
                List<Object> values = new ArrayList<>();
                for (int column = 0; column < header.size(); column++) {
                    values.add(row.getOptionalCell(column).map(ListExports::typed).orElse(null));
                }
                cells.add(values);
            }
            return new Table(header, cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object typed(Cell cell) {
        assertThat(cell.getType()).as("no cell is a formula").isNotEqualTo(CellType.FORMULA);
        return switch (cell.getType()) {
            case NUMBER -> cell.asNumber().stripTrailingZeros();
            case BOOLEAN -> cell.asBoolean();
            case EMPTY -> null;
            default -> cell.getText();
        };
    }

    private static void leaves(JsonNode node, String path, List<String> into) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(field -> leaves(field.getValue(),
                    path.isEmpty() ? field.getKey() : path + "." + field.getKey(), into));
        } else if (!into.contains(path)) {
            into.add(path);
        }
    }

    /** As the CSV writer puts it: text a spreadsheet would run opened with an apostrophe. */
    private static String csvText(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isContainerNode()) {
            return value.toString();
        }
        String text = value.asText();
        return value.isTextual() && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static Object xlsxValue(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue().stripTrailingZeros();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.isContainerNode() ? value.toString() : value.asText();
    }
}
