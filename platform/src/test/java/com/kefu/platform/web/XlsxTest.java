package com.kefu.platform.web;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one spreadsheet writer of the services' downloads. */
class XlsxTest {

    @Test
    @DisplayName("S4 cells are typed: text that starts with = + - @ is a text cell, never a formula, and keeps its words; "
            + "numbers and booleans are typed cells; null is no cell")
    void typedCellsNoFormulas() throws IOException {
        byte[] xlsx = Xlsx.write("列表", List.of("标题", "заголовок", "n", "ok", "none"),
                List.of(Arrays.asList("=HYPERLINK(\"http://x\")", "@SUM(A1)", -5, true, null),
                        Arrays.asList("营业 开场", "Смена", new BigDecimal("2.50"), false, null)));
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("列表");
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).stream().map(Cell::getText)).containsExactly("标题", "заголовок", "n", "ok", "none");
            Row first = rows.get(1);
            assertThat(first.getCell(0).getType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(0).getText()).isEqualTo("=HYPERLINK(\"http://x\")");
            assertThat(first.getCell(0).getFormula()).isNull();
            assertThat(first.getCell(1).getText()).isEqualTo("@SUM(A1)");
            assertThat(first.getCell(2).getType()).isEqualTo(CellType.NUMBER);
            assertThat(first.getCell(2).asNumber()).isEqualByComparingTo("-5");
            assertThat(first.getCell(3).asBoolean()).isTrue();
            assertThat(first.getOptionalCell(4).filter(cell -> cell.getType() != CellType.EMPTY)).isEmpty();
            Row second = rows.get(2);
            assertThat(second.getCell(0).getText()).isEqualTo("营业 开场");
            assertThat(second.getCell(1).getText()).isEqualTo("Смена");
            assertThat(second.getCell(2).asNumber()).isEqualByComparingTo("2.5");
            assertThat(second.getCell(3).asBoolean()).isFalse();
        }
    }

    @Test
    @DisplayName("several sheets, each with its name and header, in the order given")
    void sheets() throws IOException {
        byte[] xlsx = Xlsx.write(List.of(new Xlsx.Sheet("a", List.of("x"), List.of(List.of(1))),
                new Xlsx.Sheet("b", List.of("y"), List.of())));
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheets().map(sheet -> sheet.getName())).containsExactly("a", "b");
        }
    }
}
