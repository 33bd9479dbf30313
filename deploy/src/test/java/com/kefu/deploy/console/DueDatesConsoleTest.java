package com.kefu.deploy.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.deploy.Gateway;
import com.kefu.deploy.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Due dates in the console (C17): the queue shows "due in …" and sorts by it, the complaint's page shows when its
 * stage is due, in zh, ru and en; a department's inbox shows the warning at four fifths of the stage's time live
 * ({@link RunningSystem} gives URGENT complaints 40 s in ASSIGNED).
 */
class DueDatesConsoleTest {

    private static final String MARK = UUID.randomUUID().toString().substring(0, 8);

    private static Browser browser;
    private static Gateway desk;
    private static Gateway aftersales;
    private static Gateway head;

    @BeforeAll
    static void open() {
        String url = RunningSystem.gatewayUrl();
        desk = Gateway.signIn(url, "desk");
        aftersales = Gateway.signIn(url, "aftersales");
        head = Gateway.signIn(url, "head");
        browser = Browser.open(url, Browser.DESK);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"zh, 后到期, 时限", "ru, осталось, Срок", "en, due in, Due"})
    @DisplayName("C17 the queue shows how long each complaint's stage has left and sorts by it; the complaint's page "
            + "shows when it is due")
    void queueAndPageShowTheDueTime(String language, String dueIn, String dueLabel) {
        String id = register(Map.of("name", "李先生", "phone", "13800001234"), "到期 " + language + " " + MARK);
        JsonNode view = desk.get("/api/complaints/" + id).body();
        String number = view.get("number").asText();
        String dueAt = view.get("dueAt").asText();

        signIn("aftersales", language);
        browser.go("/complaints");
        browser.click(By.id("clear-filter"));
        browser.click(By.id("sort-due"));
        assertThat(browser.waitFor(By.id("sort-due")).getText()).startsWith(dueLabel).endsWith("▲");
        // the rows of the newest-first page stay until the sorted page has come: wait for it, or fail after 20 s
        browser.until(d -> sortedByDue(dueAt()));
        List<String> order = dueAt();
        List<Instant> open = order.stream().filter(due -> due != null && !due.isEmpty()).map(Instant::parse).toList();
        assertThat(open).as("the stage due soonest first").isNotEmpty().isSorted();
        assertThat(order.subList(open.size(), order.size())).as("archived ones last")
                .allMatch(due -> due == null || due.isEmpty());

        // the new complaint is due in 4 h: after the overdue and sooner ones, so it is found by number
        browser.type(By.id("find-number"), number).click(By.id("find"));
        WebElement due = browser.waitFor(By.id("complaint-due"));
        assertThat(Instant.parse(due.getDomAttribute("data-due-at"))).isEqualTo(Instant.parse(dueAt));
        assertThat(due.getText()).contains(dueIn);
        browser.screenshot("complaints-due." + language);

        browser.go("/complaints");
        browser.click(By.id("sort-received"));
        WebElement row = browser.waitFor(By.cssSelector("#queue tbody tr[data-number='" + number + "'] td.due"));
        assertThat(row.getText()).contains(dueIn);
    }

    @Test
    @DisplayName("C17 a department's inbox shows when each complaint is due, and the warning at four fifths of its "
            + "stage's time arrives live")
    void inboxIsWarnedLive() {
        String phone = "+7914" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        var member = aftersales.post("/api/members", Map.of("name", "Мария Ким", "phone", phone, "tier", "VIP"));
        assertThat(member.status()).as(String.valueOf(member.body())).isEqualTo(201);
        Map<String, Object> customer = Map.of("name", "Мария Ким", "phone", phone,
                "memberId", member.body().get("id").asText());
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            id[0] = register(customer, "VIP 到期 " + MARK);
            assertThat(desk.get("/api/complaints/" + id[0]).body().get("priority").asText()).isEqualTo("URGENT");
        });
        String number = desk.get("/api/complaints/" + id[0]).body().get("number").asText();

        signIn("security", "ru");
        browser.go("/inbox");
        browser.waitFor(By.cssSelector("#inbox-live[data-live='live']"));
        assertThat(head.post("/api/complaints/" + id[0] + "/assign", Map.of("department", "security")).status())
                .isEqualTo(200);
        By item = By.cssSelector("#inbox article[data-number='" + number + "']");
        browser.waitFor(item);
        browser.until(d -> d.findElement(item).findElement(By.cssSelector(".due")).isDisplayed());
        assertThat(browser.driver().findElement(item).findElement(By.cssSelector(".due")).getText())
                .contains("Срок", "осталось");

        // the warning comes 32 s after the assignment; the page is not reloaded
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> browser.driver()
                .findElement(item).findElement(By.cssSelector(".deadline-approaching")).isDisplayed());
        assertThat(browser.driver().findElement(item).findElement(By.cssSelector(".deadline-approaching")).getText())
                .isEqualTo("Срок на исходе");
        browser.screenshot("inbox-due.ru");

        Gateway security = Gateway.signIn(RunningSystem.gatewayUrl(), "security");
        security.post("/api/complaints/" + id[0] + "/acknowledge", Map.of());
        security.post("/api/complaints/" + id[0] + "/resolve", Map.of("result", "已处理 / решено"));
    }

    /** The queue's rows' due times, in the order shown ('' for an archived complaint). */
    @SuppressWarnings("unchecked")
    private static List<String> dueAt() {
        // read at once in the page: Alpine may replace the rows between two reads of WebDriver's
        return (List<String>) browser.script("return [...document.querySelectorAll("
                + "'#queue tbody tr[data-number] td.due')].map(cell => cell.getAttribute('data-due-at'))");
    }

    /** Due soonest first, the archived ones (without a due time) last; false for an empty page. */
    private static boolean sortedByDue(List<String> order) {
        Instant before = Instant.MIN;
        boolean archived = false;
        for (String due : order) {
            if (due == null || due.isEmpty()) {
                archived = true;
            } else if (archived || Instant.parse(due).isBefore(before)) {
                return false;
            } else {
                before = Instant.parse(due);
            }
        }
        return !order.isEmpty();
    }

    private static String register(Map<String, Object> customer, String subject) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "PHONE");
        body.put("category", "FACILITY");
        body.put("severity", "NORMAL");
        body.put("customer", customer);
        body.put("subject", subject);
        var created = desk.post("/api/complaints", body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private static void signIn(String user, String language) {
        if (!browser.all(By.id("sign-out")).isEmpty() && browser.all(By.id("sign-out")).get(0).isDisplayed()) {
            browser.click(By.id("sign-out"));
            browser.waitFor(By.id("username"));
        }
        browser.signIn(user, language);
    }
}
