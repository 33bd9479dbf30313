package com.kefu.complaint.query;

import com.kefu.complaint.api.Category;
import com.kefu.complaint.api.Channel;
import com.kefu.complaint.api.Priority;
import com.kefu.complaint.api.ReportPeriod;
import com.kefu.complaint.api.Severity;
import com.kefu.platform.time.MallTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statistics of a month, a quarter or a year (C11), read from {@link ComplaintStatistics}' tables. Counts,
 * stage times and satisfaction describe the complaints received in the period; deadlines missed are the misses
 * that happened in it. A stage's time counts once the complaint has left it; a complaint that went through a stage
 * more than once (reopened) counts the sum.
 */
@Component
public class ComplaintReports {

    /** The stages a complaint can stay in, in the workflow's order. */
    public static final List<String> STAGES = List.of("RECEIVED", "ESCALATED", "ASSIGNED", "RESOLVED", "FOLLOWED_UP");
    public static final String UNASSIGNED = "UNASSIGNED";

    private final JdbcTemplate jdbc;

    ComplaintReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Report(String period, LocalDate from, LocalDate to, String zone, Totals totals,
                         Map<String, Long> byChannel, Map<String, Long> byCategory, Map<String, Long> byDepartment,
                         Map<String, Long> bySeverity, Map<String, Long> byPriority, List<StageTime> stageTimes,
                         DeadlinesMissed deadlinesMissed, Satisfaction satisfaction, List<Month> months,
                         List<Proposal> proposals) {
    }

    /** @param resolved received in the period and resolved since (also when followed up or archived) */
    public record Totals(long received, long resolved, long archived, long open, long reopened) {
    }

    /** @param complaints how many left the stage; the times are {@code null} when none did */
    public record StageTime(String stage, long complaints, Long meanSeconds, Long p90Seconds) {
    }

    public record DeadlinesMissed(long total, Map<String, Long> byStage, Map<String, Long> byPriority,
                                  Map<String, Long> byDepartment) {
    }

    /**
     * @param rated  complaints whose customer gave a score (the last one counts)
     * @param mean   of those scores, two decimals; {@code null} when nobody rated
     * @param satisfied complaints whose last reached call found the customer satisfied
     */
    public record Satisfaction(long followUpCalls, long reachedCalls, long rated, BigDecimal mean,
                               Map<String, Long> byScore, long satisfied, long unsatisfied) {
    }

    public record Month(String month, long received, long resolved, long deadlinesMissed, BigDecimal meanSatisfaction) {
    }

    public record Proposal(String id, String period, String title, String proposal, String recordedBy,
                           Instant recordedAt) {
    }

    public Report of(ReportPeriod period, MallTime mall) {
        Timestamp start = Timestamp.from(mall.startOf(period.first()));
        Timestamp end = Timestamp.from(mall.endOf(period.last()));
        String cohort = " from complaint_statistic where received_at >= ? and received_at < ?";

        Totals totals = jdbc.queryForObject("""
                select count(*) received,
                    count(*) filter (where status in ('RESOLVED', 'FOLLOWED_UP', 'ARCHIVED')) resolved,
                    count(*) filter (where status = 'ARCHIVED') archived,
                    count(*) filter (where reopened > 0) reopened""" + cohort,
                (rs, row) -> new Totals(rs.getLong("received"), rs.getLong("resolved"), rs.getLong("archived"),
                        rs.getLong("received") - rs.getLong("resolved"), rs.getLong("reopened")),
                start, end);

        Map<String, Long> byDepartment = new LinkedHashMap<>();
        jdbc.query("select coalesce(department, '" + UNASSIGNED + "') k, count(*) n" + cohort + " group by 1 order by 1",
                rs -> {
                    byDepartment.put(rs.getString("k"), rs.getLong("n"));
                }, start, end);

        return new Report(period.name(), period.first(), period.last(), mall.zone().getId(), totals,
                counts("channel", names(Channel.values()), cohort, start, end),
                counts("category", names(Category.values()), cohort, start, end),
                byDepartment,
                counts("severity", names(Severity.values()), cohort, start, end),
                counts("priority", names(Priority.values()), cohort, start, end),
                stageTimes(start, end),
                deadlinesMissed(start, end),
                satisfaction(cohort, start, end),
                months(period, mall),
                proposals(period));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** Every value of the dimension, zero where none, in the order of its definition. */
    private Map<String, Long> counts(String column, List<String> values, String cohort, Timestamp start, Timestamp end) {
        Map<String, Long> counts = new LinkedHashMap<>();
        values.forEach(value -> counts.put(value, 0L));
        jdbc.query("select " + column + " k, count(*) n" + cohort + " group by 1",
                rs -> {
                    counts.put(rs.getString("k"), rs.getLong("n"));
                }, start, end);
        return counts;
    }

    private List<StageTime> stageTimes(Timestamp start, Timestamp end) {
        Map<String, StageTime> times = new LinkedHashMap<>();
        STAGES.forEach(stage -> times.put(stage, new StageTime(stage, 0, null, null)));
        jdbc.query("""
                select stage, count(*) n, round(avg(millis) / 1000) mean,
                    round(percentile_disc(0.9) within group (order by millis) / 1000.0) p90
                from (select t.complaint_id, t.stage, sum(t.millis) millis
                      from complaint_stage_time t join complaint_statistic c using (complaint_id)
                      where c.received_at >= ? and c.received_at < ?
                      group by t.complaint_id, t.stage) per_complaint
                group by stage""",
                rs -> {
                    times.put(rs.getString("stage"), new StageTime(rs.getString("stage"), rs.getLong("n"),
                            rs.getLong("mean"), rs.getLong("p90")));
                }, start, end);
        return List.copyOf(times.values());
    }

    private DeadlinesMissed deadlinesMissed(Timestamp start, Timestamp end) {
        String missed = " from complaint_missed_statistic where missed_at >= ? and missed_at < ?";
        Long total = jdbc.queryForObject("select count(*)" + missed, Long.class, start, end);
        Map<String, Long> byStage = new LinkedHashMap<>();
        STAGES.forEach(stage -> byStage.put(stage, 0L));
        Map<String, Long> byPriority = new LinkedHashMap<>();
        names(Priority.values()).forEach(priority -> byPriority.put(priority, 0L));
        Map<String, Long> byDepartment = new LinkedHashMap<>();
        jdbc.query("select stage, priority, coalesce(department, '" + UNASSIGNED + "') department, count(*) n"
                        + missed + " group by 1, 2, 3 order by 3",
                rs -> {
                    long n = rs.getLong("n");
                    byStage.merge(rs.getString("stage"), n, Long::sum);
                    byPriority.merge(rs.getString("priority"), n, Long::sum);
                    byDepartment.merge(rs.getString("department"), n, Long::sum);
                }, start, end);
        return new DeadlinesMissed(total == null ? 0 : total, byStage, byPriority, byDepartment);
    }

    private Satisfaction satisfaction(String cohort, Timestamp start, Timestamp end) {
        Map<String, Long> byScore = new LinkedHashMap<>();
        for (int score = 1; score <= 5; score++) {
            byScore.put(String.valueOf(score), 0L);
        }
        jdbc.query("select satisfaction k, count(*) n" + cohort + " and satisfaction is not null group by 1",
                rs -> {
                    byScore.put(rs.getString("k"), rs.getLong("n"));
                }, start, end);
        return jdbc.queryForObject("""
                select coalesce(sum(follow_up_calls), 0) calls, coalesce(sum(reached_calls), 0) reached,
                    count(satisfaction) rated, round(avg(satisfaction), 2) mean,
                    count(*) filter (where satisfied) satisfied, count(*) filter (where not satisfied) unsatisfied"""
                        + cohort,
                (rs, row) -> new Satisfaction(rs.getLong("calls"), rs.getLong("reached"), rs.getLong("rated"),
                        scale(rs.getBigDecimal("mean")), byScore, rs.getLong("satisfied"), rs.getLong("unsatisfied")),
                start, end);
    }

    private List<Month> months(ReportPeriod period, MallTime mall) {
        return period.months().stream().map(month -> {
            Timestamp start = Timestamp.from(mall.startOf(month.atDay(1)));
            Timestamp end = Timestamp.from(mall.endOf(month.atEndOfMonth()));
            return jdbc.queryForObject("""
                    select count(*) received,
                        count(*) filter (where status in ('RESOLVED', 'FOLLOWED_UP', 'ARCHIVED')) resolved,
                        round(avg(satisfaction), 2) mean,
                        (select count(*) from complaint_missed_statistic where missed_at >= ? and missed_at < ?) missed
                    from complaint_statistic where received_at >= ? and received_at < ?""",
                    (rs, row) -> new Month(month.toString(), rs.getLong("received"), rs.getLong("resolved"),
                            rs.getLong("missed"), scale(rs.getBigDecimal("mean"))),
                    start, end, start, end);
        }).toList();
    }

    private static BigDecimal scale(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    /** The proposals recorded against the period or any part of it: a quarter's report shows its months' too. */
    public List<Proposal> proposals(ReportPeriod period) {
        return jdbc.query("""
                select * from improvement_proposal where first_day >= ? and last_day <= ?
                order by first_day, recorded_at, id""",
                (rs, row) -> new Proposal(rs.getString("id"), rs.getString("period"), rs.getString("title"),
                        rs.getString("proposal"), rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()),
                Date.valueOf(period.first()), Date.valueOf(period.last()));
    }

    /** One proposal by its id (C11), as the report shows it. */
    public Optional<Proposal> proposal(String id) {
        return jdbc.query("select * from improvement_proposal where id = ?",
                (rs, row) -> new Proposal(rs.getString("id"), rs.getString("period"), rs.getString("title"),
                        rs.getString("proposal"), rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()), id).stream().findFirst();
    }
}
