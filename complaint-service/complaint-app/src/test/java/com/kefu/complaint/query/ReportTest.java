package com.kefu.complaint.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.complaint.Complaints;
import com.kefu.complaint.command.DeadlineWatch;
import com.kefu.platform.test.MutableClock;
import com.kefu.platform.test.ServiceTest;
import com.kefu.platform.test.Tokens;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Statistics (C11) of complaints whose every step happens at a known instant of a clock the test moves, against
 * real PostgreSQL and Kafka; the figures are worked out by hand in the comments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kefu.complaints.scheduling=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportTest extends ServiceTest {

    /** 09:00 in Shanghai on 3 November 2026 */
    private static final Instant T = Instant.parse("2026-11-03T01:00:00Z");

    private static final String DESK = Tokens.bearer("desk", "FRONT_DESK");
    private static final String AFTER_SALES = Tokens.bearer("aftersales", "AFTER_SALES");
    private static final String HEAD = Tokens.bearer("head", "CS_HEAD");
    private static final String SUPERVISOR = Tokens.bearer("supervisor", "SUPERVISOR");
    private static final String ADMIN = Tokens.bearer("admin", "ADMIN");
    private static final String ENGINEERING = Tokens.departmentBearer("engineering", "engineering");
    private static final String SECURITY = Tokens.departmentBearer("security", "security");

    @Autowired
    MutableClock clock;

    @Autowired
    DeadlineWatch watch;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    private static boolean happened;


    private JsonNode post(String token, String path, Object body) {
        var response = call(HttpMethod.POST, token, path, body);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " " + response.getBody()).isTrue();
        return response.getBody();
    }

    private String register(Map<String, Object> complaint, String channel, String category) {
        var body = new HashMap<>(complaint);
        body.put("channel", channel);
        body.put("category", category);
        return "/api/complaints/" + post(DESK, "/api/complaints", body).get("id").asText();
    }

    private void at(Instant instant) {
        clock.set(instant);
    }

    private JsonNode report(String period) {
        var response = call(HttpMethod.GET, SUPERVISOR, "/api/reports/complaints?period=" + period, null);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        return response.getBody();
    }

    private void awaitStatistics(String sql, int expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(sql, Integer.class) == expected);
    }

    /** Three complaints in November and one in October, each step at its hour. */
    private synchronized void happen() {
        if (happened) {
            return;
        }
        happened = true;
        clock.stop(); // each step at its exact instant: the stage times below are worked out to the second
        at(Instant.parse("2026-10-20T02:00:00Z"));
        register(Complaints.phoneCall("十月"), "LETTER", "PRICE_BILLING");

        at(T);
        String a = register(Complaints.phoneCall("A"), "PHONE", "SERVICE_ATTITUDE");
        String aId = a.substring(a.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from complaint_deadline where complaint_id = ?", Integer.class, aId) == 1);
        at(T.plus(Duration.ofHours(5)));     // NORMAL may stay RECEIVED 4 h: A misses it, and so does October's
        assertThat(watch.check()).isEqualTo(2);
        post(AFTER_SALES, a + "/assign", Map.of("department", "engineering"));   // A RECEIVED 5 h

        String b = register(Complaints.major("B"), "VISIT", "SAFETY");
        at(T.plus(Duration.ofMinutes(330)));
        post(AFTER_SALES, b + "/escalate", Map.of("reason", "安全"));            // B RECEIVED 30 min
        at(T.plus(Duration.ofHours(6)));
        post(HEAD, b + "/assign", Map.of("department", "security"));             // B ESCALATED 30 min
        post(ENGINEERING, a + "/acknowledge", Map.of());
        at(T.plus(Duration.ofHours(9)));
        post(ENGINEERING, a + "/resolve", Map.of("result", "道歉"));             // A ASSIGNED 4 h
        post(SECURITY, b + "/acknowledge", Map.of());
        at(T.plus(Duration.ofHours(10)));
        post(SECURITY, b + "/resolve", Map.of("result", "已修"));                // B ASSIGNED 4 h
        at(T.plus(Duration.ofHours(11)));
        post(AFTER_SALES, a + "/follow-up", Map.of("reached", true, "satisfaction", 5));  // A RESOLVED 2 h
        post(AFTER_SALES, b + "/follow-up", Map.of("reached", false));
        at(T.plus(Duration.ofHours(12)));
        post(AFTER_SALES, b + "/follow-up", Map.of("reached", true, "satisfaction", 2)); // B RESOLVED 2 h, reopened
        post(AFTER_SALES, a + "/archive", null);                                  // A FOLLOWED_UP 1 h
        at(T.plus(Duration.ofHours(13)));
        post(SECURITY, b + "/acknowledge", Map.of());
        post(SECURITY, b + "/resolve", Map.of("result", "再修"));                 // B ASSIGNED +1 h = 5 h
        at(T.plus(Duration.ofHours(15)));
        post(AFTER_SALES, b + "/follow-up", Map.of("reached", true, "satisfaction", 4)); // B RESOLVED +2 h = 4 h
        register(Complaints.phoneCall("C"), "ONLINE", "FACILITY");

        post(HEAD, "/api/reports/complaints/proposals",
                Map.of("period", "2026-11", "title", "服务培训", "proposal", "=售货员服务态度培训, 每月一次"));
        post(SUPERVISOR, "/api/reports/complaints/proposals",
                Map.of("period", "2026-Q4", "title", "Безопасность", "proposal", "季度安全检查"));

        awaitStatistics("select count(*) from improvement_proposal", 2);
        awaitStatistics("select count(*) from complaint_statistic where status = 'FOLLOWED_UP'", 1);
        awaitStatistics("select count(*) from complaint_stage_time", 10); // A left 4 stages, B 6
        awaitStatistics("select count(*) from complaint_missed_statistic", 2);
        awaitStatistics("select count(*) from complaint_statistic", 4);
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
        return counts;
    }

    private static Map<String, String> stageTimes(JsonNode report) {
        Map<String, String> times = new java.util.LinkedHashMap<>();
        report.get("stageTimes").forEach(time -> times.put(time.get("stage").asText(), time.get("complaints").asLong()
                + " " + time.get("meanSeconds").asText() + " " + time.get("p90Seconds").asText()));
        return times;
    }

    @Test
    @Order(1)
    @DisplayName("C11 a month's statistics count by channel, category, department, severity and priority, time each stage, and count missed deadlines and satisfaction")
    void monthlyStatistics() {
        happen();
        JsonNode november = report("2026-11");

        assertThat(november.get("from").asText()).isEqualTo("2026-11-01");
        assertThat(november.get("to").asText()).isEqualTo("2026-11-30");
        JsonNode totals = november.get("totals");
        assertThat(List.of(totals.get("received").asLong(), totals.get("resolved").asLong(),
                totals.get("archived").asLong(), totals.get("open").asLong(), totals.get("reopened").asLong()))
                .containsExactly(3L, 2L, 1L, 1L, 1L);
        assertThat(counts(november.get("byChannel"))).containsEntry("PHONE", 1L).containsEntry("VISIT", 1L)
                .containsEntry("ONLINE", 1L).containsEntry("LETTER", 0L).containsEntry("FAX", 0L);
        assertThat(counts(november.get("byCategory"))).containsEntry("SERVICE_ATTITUDE", 1L)
                .containsEntry("SAFETY", 1L).containsEntry("FACILITY", 1L).containsEntry("PRICE_BILLING", 0L);
        assertThat(counts(november.get("byDepartment"))).containsExactly(Map.entry("UNASSIGNED", 1L),
                Map.entry("engineering", 1L), Map.entry("security", 1L));
        assertThat(counts(november.get("bySeverity"))).containsExactly(Map.entry("NORMAL", 2L), Map.entry("MAJOR", 1L));
        assertThat(counts(november.get("byPriority"))).containsEntry("NORMAL", 2L).containsEntry("HIGH", 1L)
                .containsEntry("URGENT", 0L);

        // RECEIVED: A 5 h, B 30 min; ESCALATED: B 30 min; ASSIGNED: A 4 h, B 4 h + 1 h; RESOLVED: A 2 h, B 2 h + 2 h;
        // FOLLOWED_UP: A 1 h. The 90th percentile is the nearest rank: of two, the larger.
        assertThat(stageTimes(november)).containsExactly(
                Map.entry("RECEIVED", "2 9900 18000"),
                Map.entry("ESCALATED", "1 1800 1800"),
                Map.entry("ASSIGNED", "2 16200 18000"),
                Map.entry("RESOLVED", "2 10800 14400"),
                Map.entry("FOLLOWED_UP", "1 3600 3600"));

        // misses count in the month they happened: A's and October's complaint's, both on 3 November
        JsonNode missed = november.get("deadlinesMissed");
        assertThat(missed.get("total").asLong()).isEqualTo(2);
        assertThat(counts(missed.get("byStage"))).containsEntry("RECEIVED", 2L).containsEntry("ASSIGNED", 0L);
        assertThat(counts(missed.get("byPriority"))).containsEntry("NORMAL", 2L).containsEntry("HIGH", 0L);
        assertThat(counts(missed.get("byDepartment"))).containsExactly(Map.entry("UNASSIGNED", 2L));
        assertThat(report("2026-10").get("deadlinesMissed").get("total").asLong()).isZero();

        // calls: A once (5), B three times (not reached, 2, 4); the last score counts
        JsonNode satisfaction = november.get("satisfaction");
        assertThat(List.of(satisfaction.get("followUpCalls").asLong(), satisfaction.get("reachedCalls").asLong(),
                satisfaction.get("rated").asLong(), satisfaction.get("satisfied").asLong(),
                satisfaction.get("unsatisfied").asLong())).containsExactly(4L, 3L, 2L, 2L, 0L);
        assertThat(satisfaction.get("mean").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(counts(satisfaction.get("byScore"))).containsExactly(Map.entry("1", 0L), Map.entry("2", 0L),
                Map.entry("3", 0L), Map.entry("4", 1L), Map.entry("5", 1L));

        assertThat(report("2026-10").get("totals").get("received").asLong()).isEqualTo(1);
        assertThat(report("2026-10").get("stageTimes").get(0).has("meanSeconds")).as("no time while none left").isFalse();
    }

    @Test
    @Order(2)
    @DisplayName("C11 quarterly and annual summaries add up their months and show the improvement proposals recorded against them")
    void quarterAndYearWithProposals() {
        happen();
        JsonNode quarter = report("2026-Q4");
        assertThat(quarter.get("totals").get("received").asLong()).isEqualTo(4);
        assertThat(quarter.get("months").findValuesAsText("month")).containsExactly("2026-10", "2026-11", "2026-12");
        assertThat(quarter.get("months").findValues("received").stream().map(JsonNode::asLong))
                .containsExactly(1L, 3L, 0L);
        assertThat(quarter.get("months").findValues("deadlinesMissed").stream().map(JsonNode::asLong))
                .containsExactly(0L, 2L, 0L);
        // in the order of the periods they were recorded against: the quarter begins before November
        assertThat(quarter.get("proposals").findValuesAsText("title")).containsExactly("Безопасность", "服务培训");
        assertThat(report("2026").get("months")).hasSize(12);
        assertThat(report("2026").get("proposals")).hasSize(2);
        assertThat(report("2026-11").get("proposals").findValuesAsText("title")).containsExactly("服务培训");
        assertThat(report("2026-10").get("proposals")).isEmpty();
        assertThat(report("2025").get("totals").get("received").asLong()).isZero();
    }

    @Test
    @Order(3)
    @DisplayName("C11 the statistics export as CSV, one figure a line, and as a spreadsheet with a sheet per table")
    void exports() throws Exception {
        happen();
        var csv = api().get().uri("/api/reports/complaints?period=2026-11")
                .header(HttpHeaders.AUTHORIZATION, HEAD).accept(MediaType.parseMediaType("text/csv"))
                .retrieve().toEntity(byte[].class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("complaints-2026-11.csv");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).as("the UTF-8 byte-order mark Excel needs for Chinese").startsWith("\uFEFF");
        List<String> lines = text.substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("table,item,measure,value");
        assertThat(lines).contains("summary,received,value,3", "byChannel,PHONE,complaints,1",
                "stageTimes,ASSIGNED,meanSeconds,16200", "stageTimes,ASSIGNED,meanHours,4.50",
                "deadlinesMissed,stage,missed,0", "satisfaction,mean,value,4.50",
                // a proposal that starts like a formula is kept as text, and its comma is quoted
                "proposals,%s,proposal,\"'=售货员服务态度培训, 每月一次\"".formatted(
                        report("2026-11").get("proposals").get(0).get("id").asText()));

        var xlsx = api().get().uri("/api/reports/complaints?period=2026-11&format=xlsx")
                .header(HttpHeaders.AUTHORIZATION, SUPERVISOR).retrieve().toEntity(byte[].class);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        assertThat(xlsx.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            List<String> sheets = workbook.getSheets().map(Sheet::getName).toList();
            assertThat(sheets).contains("汇总 Summary", "渠道 Channel", "阶段用时 Stage times", "满意度 Satisfaction",
                    "改进建议 Proposals");
            Sheet stages = workbook.getSheets().filter(sheet -> sheet.getName().equals("阶段用时 Stage times"))
                    .findFirst().orElseThrow();
            Map<String, String> assigned = stages.read().stream()
                    .filter(row -> "ASSIGNED".equals(row.getCellText(0)))
                    .collect(Collectors.toMap(row -> "mean", (Row row) -> row.getCellText(2) + "/" + row.getCellText(4)));
            assertThat(assigned).containsEntry("mean", "16200/4.50");
        }
    }

    @Test
    @Order(4)
    @DisplayName("C11 bad periods and formats get 400 naming them; a department sees no statistics")
    void badInput() {
        var month13 = call(HttpMethod.GET, HEAD, "/api/reports/complaints?period=2026-13", null);
        assertThat(month13.getStatusCode().value()).isEqualTo(400);
        assertThat(month13.getBody().get("detail").asText()).contains("period");
        assertThat(call(HttpMethod.GET, HEAD, "/api/reports/complaints", null).getStatusCode().value())
                .isEqualTo(400);
        var pdf = call(HttpMethod.GET, HEAD, "/api/reports/complaints?period=2026&format=pdf", null);
        assertThat(pdf.getStatusCode().value()).isEqualTo(400);
        assertThat(pdf.getBody().get("detail").asText()).contains("format");
        var untitled = call(HttpMethod.POST, HEAD, "/api/reports/complaints/proposals",
                Map.of("period", "2026-11", "proposal", "x"));
        assertThat(untitled.getStatusCode().value()).isEqualTo(400);
        assertThat(untitled.getBody().get("detail").asText()).contains("title");
        assertThat(call(HttpMethod.GET, ENGINEERING, "/api/reports/complaints?period=2026", null)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    @Order(5)
    @DisplayName("C11 C13 resetting the complaint view, which carries the statistics, and replaying the event store gives the same figures")
    void replayGivesTheSameFigures() {
        happen();
        Map<String, JsonNode> before = new HashMap<>();
        for (String period : List.of("2026-10", "2026-11", "2026-Q4", "2026")) {
            before.put(period, report(period));
        }
        assertThat(call(HttpMethod.POST, ADMIN, "/admin/projections/kafka-relay/replay", null)
                .getStatusCode().value()).isEqualTo(409);
        assertThat(call(HttpMethod.POST, HEAD, "/admin/projections/complaint-view/replay", null)
                .getStatusCode().value()).isEqualTo(403);

        var replay = call(HttpMethod.POST, ADMIN, "/admin/projections/complaint-view/replay", null);
        assertThat(replay.getStatusCode().value()).as(String.valueOf(replay.getBody())).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> !call(HttpMethod.GET, ADMIN,
                "/admin/projections/complaint-view", null).getBody().get("replaying").asBoolean());
        for (String period : before.keySet()) {
            assertThat(report(period)).as(period).isEqualTo(before.get(period));
        }
    }
}
