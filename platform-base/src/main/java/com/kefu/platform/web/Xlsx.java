package com.kefu.platform.web;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Every spreadsheet download of every service, beside {@link Csv}: one or more sheets of a bold header row and a
 * row per record (fastexcel). Cells are typed: numbers are number cells, booleans boolean cells, anything else a
 * text cell, {@code null} no cell. A text cell is never read as a formula (fastexcel writes a formula only when
 * asked to), so words typed at a desk that start with {@code =} stay words without the apostrophe {@link Csv}
 * needs.
 */
public final class Xlsx {

    /** The media type of what {@link #write} answers. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Xlsx() {
    }

    /** A sheet: its name, the headings of its columns and a list of cells per row. */
    public record Sheet(String name, List<String> header, Iterable<? extends List<?>> rows) {
    }

    /** One sheet named {@code name}. */
    public static byte[] write(String name, List<String> header, Iterable<? extends List<?>> rows) {
        return write(List.of(new Sheet(name, header, rows)));
    }

    public static byte[] write(List<Sheet> sheets) {
        var bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "kefu", "1.0");
            for (Sheet sheet : sheets) {
                write(workbook.newWorksheet(sheet.name()), sheet);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(Worksheet worksheet, Sheet sheet) {
        for (int column = 0; column < sheet.header().size(); column++) {
            worksheet.value(0, column, sheet.header().get(column));
            worksheet.style(0, column).bold().set();
            worksheet.width(column, column == 0 ? 24 : 16);
        }
        int row = 1;
        for (List<?> cells : sheet.rows()) {
            for (int column = 0; column < cells.size(); column++) {
                Object value = cells.get(column);
                if (value instanceof Number number) {
                    worksheet.value(row, column, number);
                } else if (value instanceof Boolean bool) {
                    worksheet.value(row, column, bool);
                } else if (value != null) {
                    worksheet.value(row, column, value.toString());
                }
            }
            row++;
        }
    }
}
