package com.kefu.platform.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every CSV download of every service: RFC 4180 (Apache Commons CSV, lines ending in CR LF), UTF-8 opened with a
 * byte-order mark so that Excel reads Chinese and Russian as such, and text a spreadsheet would take for a
 * formula (first character {@code = + - @}, tab or CR) opened with an apostrophe, so that words typed at a desk
 * can never run as a formula in the reader's spreadsheet. Numbers stay numbers; {@code null} is an empty cell.
 */
public final class Csv {

    /** The media type of what {@link #write} answers. */
    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    /** A header line and a line per row. */
    public static byte[] write(List<String> header, Iterable<? extends List<?>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), FORMAT)) {
            printer.printRecord(header);
            for (List<?> row : rows) {
                printer.printRecord(row.stream().map(Csv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof CharSequence text && !text.isEmpty()
                && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }
}
