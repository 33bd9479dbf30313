package com.kefu.complaint.web;

import com.kefu.complaint.query.ComplaintReports.Report;
import com.kefu.platform.web.Csv;
import com.kefu.platform.web.Xlsx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statistics (C11) as tables, written as CSV for other programs and as a spreadsheet for people. Both come
 * from the same tables: the spreadsheet has a sheet per table with Chinese and English headings; the CSV has one
 * line per figure ({@code table,item,measure,value}), so that it sorts, filters and pivots without knowing the
 * layout.
 */
final class ReportExports {

    static final String XLSX = Xlsx.MEDIA_TYPE;

    private ReportExports() {
    }

    record Column(String key, String label) {
    }

    /** A table whose first column names its rows. */
    record Table(String key, String title, List<Column> columns, List<List<Object>> rows) {
    }

    static List<Table> tables(Report report) {
        List<Table> tables = new ArrayList<>();
        var totals = report.totals();
        tables.add(new Table("summary", "汇总 Summary", List.of(new Column("item", "项目 Item"),
                new Column("value", "数值 Value")), List.of(
                List.of("period", report.period()), List.of("from", report.from().toString()),
                List.of("to", report.to().toString()), List.of("zone", report.zone()),
                List.of("received", totals.received()), List.of("resolved", totals.resolved()),
                List.of("archived", totals.archived()), List.of("open", totals.open()),
                List.of("reopened", totals.reopened()))));
        tables.add(counts("byChannel", "渠道 Channel", report.byChannel()));
        tables.add(counts("byCategory", "类别 Category", report.byCategory()));
        tables.add(counts("byDepartment", "部门 Department", report.byDepartment()));
        tables.add(counts("bySeverity", "严重程度 Severity", report.bySeverity()));
        tables.add(counts("byPriority", "优先级 Priority", report.byPriority()));
        tables.add(new Table("stageTimes", "阶段用时 Stage times", List.of(new Column("stage", "阶段 Stage"),
                new Column("complaints", "投诉数 Complaints"), new Column("meanSeconds", "平均(秒) Mean s"),
                new Column("p90Seconds", "90%分位(秒) P90 s"), new Column("meanHours", "平均(小时) Mean h"),
                new Column("p90Hours", "90%分位(小时) P90 h")),
                report.stageTimes().stream().map(time -> row(time.stage(), time.complaints(), time.meanSeconds(),
                        time.p90Seconds(), hours(time.meanSeconds()), hours(time.p90Seconds()))).toList()));
        var missed = report.deadlinesMissed();
        List<List<Object>> missedRows = new ArrayList<>();
        missedRows.add(row("total", "", missed.total()));
        missed.byStage().forEach((stage, n) -> missedRows.add(row("stage", stage, n)));
        missed.byPriority().forEach((priority, n) -> missedRows.add(row("priority", priority, n)));
        missed.byDepartment().forEach((department, n) -> missedRows.add(row("department", department, n)));
        tables.add(new Table("deadlinesMissed", "超时 Deadlines missed", List.of(new Column("by", "按 By"),
                new Column("value", "值 Value"), new Column("missed", "超时次数 Missed")), missedRows));
        var satisfaction = report.satisfaction();
        List<List<Object>> satisfactionRows = new ArrayList<>(List.of(
                row("followUpCalls", satisfaction.followUpCalls()), row("reachedCalls", satisfaction.reachedCalls()),
                row("rated", satisfaction.rated()), row("mean", satisfaction.mean()),
                row("satisfied", satisfaction.satisfied()), row("unsatisfied", satisfaction.unsatisfied())));
        satisfaction.byScore().forEach((score, n) -> satisfactionRows.add(row("score" + score, n)));
        tables.add(new Table("satisfaction", "满意度 Satisfaction", List.of(new Column("item", "项目 Item"),
                new Column("value", "数值 Value")), satisfactionRows));
        tables.add(new Table("months", "月度 Months", List.of(new Column("month", "月份 Month"),
                new Column("received", "受理 Received"), new Column("resolved", "已处理 Resolved"),
                new Column("deadlinesMissed", "超时 Missed"), new Column("meanSatisfaction", "平均满意度 Satisfaction")),
                report.months().stream().map(month -> row(month.month(), month.received(), month.resolved(),
                        month.deadlinesMissed(), month.meanSatisfaction())).toList()));
        tables.add(new Table("proposals", "改进建议 Proposals", List.of(new Column("id", "编号 Id"),
                new Column("period", "期间 Period"), new Column("title", "标题 Title"),
                new Column("proposal", "建议 Proposal"), new Column("recordedBy", "记录人 By"),
                new Column("recordedAt", "记录时间 At")),
                report.proposals().stream().map(proposal -> row(proposal.id(), proposal.period(), proposal.title(),
                        proposal.proposal(), proposal.recordedBy(), proposal.recordedAt().toString())).toList()));
        return tables;
    }

    private static Table counts(String key, String title, Map<String, Long> counts) {
        return new Table(key, title, List.of(new Column("value", title), new Column("complaints", "投诉数 Complaints")),
                counts.entrySet().stream().map(entry -> row(entry.getKey(), entry.getValue())).toList());
    }

    /** A row that may hold empty cells ({@code null}), which List.of does not take. */
    private static List<Object> row(Object... cells) {
        return java.util.Arrays.asList(cells);
    }

    private static BigDecimal hours(Long seconds) {
        return seconds == null ? null : BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2,
                java.math.RoundingMode.HALF_UP);
    }

    /** One line per figure; the writer's guard keeps a proposal's words from running as a formula. */
    static byte[] csv(Report report) {
        List<List<Object>> lines = new ArrayList<>();
        for (Table table : tables(report)) {
            for (List<Object> row : table.rows()) {
                for (int column = 1; column < table.columns().size(); column++) {
                    lines.add(row(table.key(), row.get(0), table.columns().get(column).key(), row.get(column)));
                }
            }
        }
        return Csv.write(List.of("table", "item", "measure", "value"), lines);
    }

    /** A sheet per table, with Chinese and English headings ({@link Xlsx}: text cells never run as formulas). */
    static byte[] xlsx(Report report) {
        return Xlsx.write(tables(report).stream().map(table -> new Xlsx.Sheet(table.title(),
                table.columns().stream().map(Column::label).toList(), table.rows())).toList());
    }
}
