package com.kefu.platform.web;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.kefu.platform.rules.InvalidRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list of the console as a file to download (CSV or XLSX), with the same rows as the list's JSON: a column per
 * field, named as in the JSON (English, not localised; a nested record's fields as {@code customer.phone}), each
 * cell the value the JSON holds (a list as its JSON text), so that what a list masks stays masked in its export. The list endpoints negotiate it the way the
 * reports do: {@code Accept: text/csv} or {@value Xlsx#MEDIA_TYPE}, or {@code ?format=csv|xlsx|json} in a link,
 * which wins over Accept.
 * <p>
 * An export is the whole filtered list, not a page, up to {@value #MAX_ROWS} rows, held in memory: a list with more
 * is refused (400 naming the bound) so that the requester narrows its filters rather than getting a cut file.
 */
public final class ListExport {

    /** The most rows one export holds. */
    public static final int MAX_ROWS = 50_000;

    private static final MediaType CSV_TYPE = MediaType.parseMediaType("text/csv");
    private static final MediaType XLSX_TYPE = MediaType.parseMediaType(Xlsx.MEDIA_TYPE);

    private ListExport() {
    }

    public enum Format {
        CSV("csv"), XLSX("xlsx");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The format a link names: csv or xlsx; json is the list itself ({@code null}); anything else is a 400. */
        public static Format named(String format) {
            return switch (format) {
                case "json" -> null;
                case "csv" -> CSV;
                case "xlsx" -> XLSX;
                default -> throw new InvalidRequest("format: '" + format + "' is not json, csv or xlsx");
            };
        }

        /** The first of CSV and XLSX the Accept header takes, by quality; CSV when it takes both alike. */
        public static Format accepted(String accept) {
            List<MediaType> types = new ArrayList<>(MediaType.parseMediaTypes(accept));
            types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
            for (MediaType type : types) {
                if (type.isCompatibleWith(CSV_TYPE)) {
                    return CSV;
                }
                if (type.isCompatibleWith(XLSX_TYPE)) {
                    return XLSX;
                }
            }
            throw new InvalidRequest("Accept: '" + accept + "' takes neither text/csv nor " + Xlsx.MEDIA_TYPE);
        }
    }

    /**
     * Fails before the list is read in full when it holds more than {@link #MAX_ROWS}: a 400 naming the bound and
     * asking for narrower filters.
     */
    public static void checkBound(long total) {
        if (total > MAX_ROWS) {
            throw new InvalidRequest("the list holds more than " + MAX_ROWS + " rows, the most an export holds: "
                    + "narrow its filters");
        }
    }

    /**
     * The file of {@code items}, whose columns are the JSON fields of {@code type}, a nested record's fields as
     * {@code outer.inner} (a list or map as its JSON text), written by {@code json} as the list's JSON is;
     * downloaded as {@code name.csv} or {@code name.xlsx}.
     */
    public static ResponseEntity<byte[]> of(ObjectMapper json, Format format, String name, Class<?> type,
                                            List<?> items) {
        checkBound(items.size());
        List<Map<String, Object>> flat = new ArrayList<>(items.size());
        for (Object item : items) {
            Map<String, Object> cells = new LinkedHashMap<>();
            flatten("", json.valueToTree(item), cells);
            flat.add(cells);
        }
        Set<String> fields = new LinkedHashSet<>();
        columns(json, json.constructType(type), "", fields, 0);
        for (Map<String, Object> cells : flat) {
            for (String field : cells.keySet()) {
                if (!fields.contains(field) && fields.stream().noneMatch(known -> known.startsWith(field + "."))) {
                    fields.add(field);
                }
            }
        }
        List<String> header = List.copyOf(fields);
        List<List<Object>> rows = new ArrayList<>(flat.size());
        for (Map<String, Object> cells : flat) {
            List<Object> row = new ArrayList<>(header.size());
            for (String field : header) {
                row.add(cells.get(field));
            }
            rows.add(row);
        }
        return switch (format) {
            case CSV -> download(Csv.MEDIA_TYPE, name, format, Csv.write(header, rows));
            case XLSX -> download(Xlsx.MEDIA_TYPE, name, format, Xlsx.write(name, header, rows));
        };
    }

    /** The columns of a type as Jackson writes it: a record's fields one by one, anything else one column. */
    private static void columns(ObjectMapper json, JavaType type, String prefix, Set<String> fields, int depth) {
        for (BeanPropertyDefinition property : json.getSerializationConfig().introspect(type).findProperties()) {
            if (!property.couldSerialize()) {
                continue;
            }
            String path = prefix + property.getName();
            JavaType propertyType = property.getPrimaryType();
            if (propertyType.getRawClass().isRecord() && depth < 3) {
                columns(json, propertyType, path + ".", fields, depth + 1);
            } else {
                fields.add(path);
            }
        }
    }

    private static void flatten(String path, JsonNode value, Map<String, Object> cells) {
        if (value.isObject() && !value.isEmpty()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), cells);
            }
        } else {
            cells.put(path, cell(value));
        }
    }

    private static Object cell(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        return value.toString();
    }

    private static ResponseEntity<byte[]> download(String mediaType, String name, Format format, byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name + "." + format.extension).build().toString())
                .body(body);
    }
}
