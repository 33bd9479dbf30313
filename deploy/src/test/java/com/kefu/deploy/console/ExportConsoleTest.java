package com.kefu.deploy.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.deploy.Gateway;
import com.kefu.deploy.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19 item 7 in a real browser: the complaint queue's "Export CSV" and "Export XLSX" download the whole list with
 * the filters on screen, through the gateway with the user's token. The page's blobs are caught as the console hands
 * them to the browser, and read back.
 */
class ExportConsoleTest {

    private static final ZoneId MALL = ZoneId.of("Asia/Shanghai");
    private static final String MARK = UUID.randomUUID().toString().substring(0, 8);
    private static final Pattern NUMBER = Pattern.compile("KF-\\d{6}-\\d{5}");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Keeps every file the console saves: its blob and the name it is saved under. */
    private static final String CATCH_DOWNLOADS = """
            window.__exports = [];
            const create = URL.createObjectURL;
            URL.createObjectURL = blob => { const url = create(blob); window.__exports.push({ url, blob }); return url; };
            const click = HTMLAnchorElement.prototype.click;
            HTMLAnchorElement.prototype.click = function () {
              const caught = window.__exports.find(e => e.url === this.href);
              if (caught) { caught.name = this.download; return; }
              return click.call(this);
            };""";

    private static Browser browser;
    private static Gateway desk;
    private static Gateway head;

    @BeforeAll
    static void open() {
        String url = RunningSystem.gatewayUrl();
        desk = Gateway.signIn(url, "desk");
        head = Gateway.signIn(url, "head");
        browser = Browser.open(url, Browser.DESK);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @DisplayName("the complaint queue exports as CSV the rows the filters on screen select, and as XLSX")
    void queueExports() {
        String mine = number(registerAndAssign("导出 " + MARK, "engineering"));
        String other = number(registerAndAssign("不导出 " + MARK, "security"));

        browser.signIn("head", "zh").go("/complaints");
        browser.click(By.id("clear-filter"));
        browser.select(By.id("f-status"), "ASSIGNED").select(By.id("f-department"), "engineering")
                .click(By.id("apply-filter"));
        browser.waitFor(By.cssSelector("#queue tr[data-number='" + mine + "']"));
        browser.script(CATCH_DOWNLOADS);

        browser.click(By.id("queue-export-csv"));
        browser.until(d -> ((Number) browser.script("return window.__exports.filter(e => e.name).length")).intValue()
                == 1);
        assertThat(browser.script("return window.__exports[0].name")).isEqualTo("complaints-" + today() + ".csv");
        assertThat(browser.script("return window.__exports[0].blob.type")).asString().startsWith("text/csv");
        @SuppressWarnings("unchecked")
        List<Number> bom = (List<Number>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.__exports[0].blob.arrayBuffer().then(b => done(Array.from(new Uint8Array(b).slice(0, 3))));""");
        assertThat(bom).extracting(Number::intValue).containsExactly(0xEF, 0xBB, 0xBF);
        String csv = (String) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.__exports[0].blob.text().then(done);""");
        assertThat(csv.lines().findFirst().orElseThrow()).contains("number", "status", "department",
                "customer.maskedPhone");
        assertThat(csv).contains(mine, "导出 " + MARK).doesNotContain(other, "13800001234");
        JsonNode list = head.get("/api/complaints?status=ASSIGNED&department=engineering&size=100").body();
        Set<String> listed = new TreeSet<>();
        list.get("items").forEach(item -> listed.add(item.get("number").asText()));
        assertThat(list.get("total").asInt()).isLessThanOrEqualTo(100);
        assertThat(numbers(csv)).as("the rows of the list with the filters on screen").isEqualTo(listed);

        browser.click(By.id("queue-export-xlsx"));
        browser.until(d -> ((Number) browser.script("return window.__exports.filter(e => e.name).length")).intValue()
                == 2);
        assertThat(browser.script("return window.__exports[1].name")).isEqualTo("complaints-" + today() + ".xlsx");
        assertThat(browser.script("return window.__exports[1].blob.type")).isEqualTo(XLSX);
        assertThat(((Number) browser.script("return window.__exports[1].blob.size")).intValue()).isPositive();
        assertThat(browser.all(By.cssSelector("[x-problem='exportProblem']"))).allSatisfy(problem ->
                assertThat(problem.isDisplayed()).isFalse());
    }

    private static LocalDate today() {
        return LocalDate.now(MALL);
    }

    private static Set<String> numbers(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static String number(String id) {
        return desk.get("/api/complaints/" + id).body().get("number").asText();
    }

    private static String registerAndAssign(String subject, String department) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "PHONE");
        body.put("category", "FACILITY");
        body.put("severity", "NORMAL");
        body.put("customer", Map.of("name", "李先生", "phone", "13800001234"));
        body.put("subject", subject);
        var created = desk.post("/api/complaints", body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> desk.get("/api/complaints/" + id).status() == 200);
        var assigned = head.post("/api/complaints/" + id + "/assign", Map.of("department", department));
        assertThat(assigned.status()).as(String.valueOf(assigned.body())).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "ASSIGNED".equals(
                desk.get("/api/complaints/" + id).body().get("status").asText()));
        return id;
    }
}
