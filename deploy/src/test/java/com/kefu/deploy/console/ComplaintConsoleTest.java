package com.kefu.deploy.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.deploy.Gateway;
import com.kefu.deploy.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The complaint pages in a real browser: a refusal in the user's language beside the refused step, the queue's
 * filters, intake of a complaint (once, however often the button is pressed) and of an enquiry, and a screenshot of
 * each main page in zh, ru and en.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplaintConsoleTest {

    private static final List<String> LANGUAGES = List.of("zh", "ru", "en");
    private static final ZoneId MALL = ZoneId.of("Asia/Shanghai");
    private static final String MARK = UUID.randomUUID().toString().substring(0, 8);

    private static Browser browser;
    private static Gateway desk;
    private static Gateway aftersales;
    private static Gateway head;
    private static Gateway security;

    /** A MAJOR complaint the head escalates and assigns in the console (then shown on the screenshots). */
    private static String majorId;

    @BeforeAll
    static void open() {
        String url = RunningSystem.gatewayUrl();
        desk = Gateway.signIn(url, "desk");
        aftersales = Gateway.signIn(url, "aftersales");
        head = Gateway.signIn(url, "head");
        security = Gateway.signIn(url, "security");
        browser = Browser.open(url, Browser.DESK);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("C3 assigning a MAJOR complaint before its escalation is refused beside the step, in Chinese; escalated, it is assigned")
    void refusalIsShownBesideTheStep() {
        majorId = register("MAJOR", "电梯困人 " + MARK);
        signIn("head", "zh");
        browser.go("/complaints/" + majorId);
        assertThat(browser.waitFor(By.id("complaint-status")).getText()).isEqualTo("已受理");

        browser.select(By.id("assign-department"), "security").click(By.id("assign"));
        WebElement problem = browser.waitFor(By.cssSelector("[data-action='assign'] .problem"));
        assertThat(problem.getText()).contains("重大投诉须先上报主管，才能指派部门", "MAJOR");
        assertThat(browser.waitFor(By.id("complaint-status")).getText()).isEqualTo("已受理");
        browser.screenshot("complaints-refusal.zh");

        browser.type(By.id("escalate-reason"), "有顾客被困电梯 " + MARK).click(By.id("escalate"));
        browser.until(d -> "ESCALATED".equals(d.findElement(By.id("complaint-status")).getDomAttribute("data-status")));
        assertThat(browser.all(By.cssSelector("[data-action='escalate']")).get(0).isDisplayed())
                .as("escalated once, there is no second escalation").isFalse();
        browser.select(By.id("assign-department"), "security").click(By.id("assign"));
        browser.until(d -> "ASSIGNED".equals(d.findElement(By.id("complaint-status")).getDomAttribute("data-status")));
        assertThat(browser.waitFor(By.id("complaint-department")).getText()).isEqualTo("保安部");
        assertThat(browser.waitFor(By.id("timeline")).getText()).contains("受理登记", "上报主管", "通知责任部门",
                "有顾客被困电梯 " + MARK);
    }

    @Test
    @Order(2)
    @DisplayName("the queue filters by state, department and day")
    void queueFilters() {
        String escalated = register("MAJOR", "筛选-上报 " + MARK);
        assertThat(aftersales.post("/api/complaints/" + escalated + "/escalate", Map.of("reason", "重大")).status())
                .isEqualTo(200);
        String assigned = register("NORMAL", "筛选-工程 " + MARK);
        assertThat(aftersales.post("/api/complaints/" + assigned + "/assign", Map.of("department", "engineering"))
                .status()).isEqualTo(200);
        awaitStatus(escalated, "ESCALATED");
        awaitStatus(assigned, "ASSIGNED");
        String escalatedNumber = desk.get("/api/complaints/" + escalated).body().get("number").asText();
        String assignedNumber = desk.get("/api/complaints/" + assigned).body().get("number").asText();

        signIn("head", "ru");
        browser.go("/complaints");
        browser.click(By.id("clear-filter"));
        waitForRows(List.of(escalatedNumber, assignedNumber), List.of());

        browser.select(By.id("f-status"), "ESCALATED").click(By.id("apply-filter"));
        waitForRows(List.of(escalatedNumber), List.of(assignedNumber));
        assertThat(browser.all(By.cssSelector("#queue tbody tr[data-status]")))
                .allSatisfy(row -> assertThat(row.getDomAttribute("data-status")).isEqualTo("ESCALATED"));

        browser.select(By.id("f-status"), "").select(By.id("f-department"), "engineering").click(By.id("apply-filter"));
        waitForRows(List.of(assignedNumber), List.of(escalatedNumber));
        assertThat(browser.waitFor(By.cssSelector("#queue tr[data-number='" + assignedNumber + "']")).getText())
                .contains("Инженерная служба", "Передана в отдел");

        LocalDate today = LocalDate.now(MALL);
        browser.select(By.id("f-department"), "");
        date(By.id("f-from"), today.plusDays(1));
        browser.click(By.id("apply-filter"));
        waitForRows(List.of(), List.of(escalatedNumber, assignedNumber));
        date(By.id("f-from"), today.minusDays(1));
        date(By.id("f-to"), today.plusDays(1));
        browser.click(By.id("apply-filter"));
        waitForRows(List.of(escalatedNumber, assignedNumber), List.of());
        browser.click(By.id("clear-filter"));

        // nothing of this test stays open
        Gateway engineering = Gateway.signIn(RunningSystem.gatewayUrl(), "engineering");
        assertThat(head.post("/api/complaints/" + escalated + "/assign", Map.of("department", "engineering")).status())
                .isEqualTo(200);
        for (String id : List.of(escalated, assigned)) {
            engineering.post("/api/complaints/" + id + "/acknowledge", Map.of());
            engineering.post("/api/complaints/" + id + "/resolve", Map.of("result", "测试完毕 " + MARK));
        }
    }

    @Test
    @Order(3)
    @DisplayName("C1 a double click at the desk registers the complaint once, and its number links to it")
    void doubleClickRegistersOnce() {
        signIn("desk", "zh");
        browser.go("/intake");
        String subject = "双击测试 " + MARK;
        browser.select(By.id("c-channel"), "VISIT").select(By.id("c-category"), "SERVICE_ATTITUDE")
                .type(By.id("c-name"), "王女士").type(By.id("c-phone"), "13900001111")
                .type(By.id("c-member"), "").type(By.id("c-subject"), subject);
        browser.script("const b = document.getElementById('register-complaint'); b.click(); b.click();");
        String number = browser.waitFor(By.id("registered-number")).getText();
        assertThat(number).matches("KF-\\d{6}-\\d{5}");
        assertThat(browser.waitFor(By.id("c-subject")).getDomProperty("value")).as("a fresh form").isEmpty();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(complaintsWithSubject(subject)).isEqualTo(1));

        browser.click(By.id("registered-link"));
        browser.waitForText(By.id("complaint-number"), number);
        assertThat(browser.waitFor(By.id("complaint-subject")).getText()).isEqualTo(subject);
    }

    @Test
    @Order(4)
    @DisplayName("C12 an enquiry is registered at the desk, answered and archived")
    void enquiry() {
        signIn("desk", "en");
        browser.go("/intake");
        browser.click(By.id("kind-enquiry"));
        browser.select(By.id("e-channel"), "PHONE").select(By.id("e-stage"), "PRE_SALE")
                .type(By.id("e-name"), "Mr Chen").type(By.id("e-question"), "Do you sell winter tyres? " + MARK);
        browser.click(By.id("register-enquiry"));
        String number = browser.waitFor(By.id("registered-number")).getText();
        assertThat(number).matches("ZX-\\d{6}-\\d{5}");
        browser.click(By.id("registered-link"));
        browser.waitForText(By.id("enquiry-number"), number);
        browser.waitForText(By.id("enquiry-question"), "Do you sell winter tyres? " + MARK);
        assertThat(browser.all(By.id("archive-enquiry")).get(0).isDisplayed()).as("not before an answer").isFalse();

        browser.type(By.id("enquiry-answer-text"), "Yes, shop 2-105 on the second floor.").click(By.id("answer"));
        browser.waitForText(By.id("enquiry-status"), "Answered");
        assertThat(browser.waitFor(By.id("enquiry-answer")).getText()).isEqualTo("Yes, shop 2-105 on the second floor.");
        browser.click(By.id("archive-enquiry"));
        browser.waitForText(By.id("enquiry-status"), "Archived");
        screenshots("complaints-enquiry", By.id("enquiry-number"));
    }

    @Test
    @Order(5)
    @DisplayName("screenshots of each main page of complaints, inbox, supervisor and audit in zh, ru and en")
    void screenshotsOfEachPage() {
        signIn("desk", "zh");
        browser.go("/intake");
        screenshots("complaints-register", By.id("c-subject"));

        signIn("head", "zh");
        browser.go("/complaints");
        screenshots("complaints-queue", By.cssSelector("#queue tbody tr[data-number]"));
        browser.go("/complaints/" + majorId);
        screenshots("complaints-page", By.cssSelector("#timeline li"));
        browser.go("/complaints/" + majorId + "/form");
        screenshots("complaints-form", By.cssSelector("#form-steps tbody tr"));
        browser.go("/enquiries");
        screenshots("complaints-enquiries", By.cssSelector("#enquiries tbody tr[data-number]"));

        signIn("supervisor", "zh");
        browser.go("/escalations");
        screenshots("supervisor-escalations", By.id("escalations"));
        browser.go("/missed-deadlines");
        screenshots("supervisor-deadlines", By.id("missed-deadlines"));

        signIn("auditor", "zh");
        browser.go("/audit");
        screenshots("audit-search", By.cssSelector("#audit-list tbody tr[data-number]"));
        browser.go("/audit/" + majorId);
        browser.waitForText(By.id("audit-state"), "ASSIGNED");
        browser.waitFor(By.id("audit-slider")).sendKeys(org.openqa.selenium.Keys.ARROW_LEFT);
        browser.waitForText(By.id("audit-state"), "ESCALATED");
        screenshots("audit", By.id("audit-state"));
        signOut();

        browser.driver().manage().window().setSize(Browser.TABLET);
        try {
            signIn("security", "zh");
            browser.go("/inbox");
            browser.waitFor(By.cssSelector("#inbox-live[data-live='live']"));
            screenshots("inbox", By.cssSelector("#inbox article"));
            signOut();
        } finally {
            browser.driver().manage().window().setSize(Browser.DESK);
        }
        // the MAJOR complaint of these tests leaves security's inbox
        security.post("/api/complaints/" + majorId + "/acknowledge", Map.of());
        security.post("/api/complaints/" + majorId + "/resolve", Map.of("result", "已处理 " + MARK));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    @Test
    @Order(6)
    @DisplayName("issue 19 the queue's search box asks the server: a complaint by its words and by its customer's phone "
            + "in another format, a member by full name; the phone and name shown masked; each hit opens its page")
    void searchBox() {
        String subject = "天花板漏水 " + MARK;
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "PHONE");
        body.put("category", "FACILITY");
        body.put("severity", "NORMAL");
        body.put("customer", Map.of("name", "王小明", "phone", phone));
        body.put("subject", subject);
        var created = desk.post("/api/complaints", body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.body().get("id").asText();
        String member = "Ирина Соколова " + MARK;
        var registered = aftersales.post("/api/members", Map.of("name", member, "phone",
                "+7914" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999), "tier", "SILVER"));
        assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
        String memberId = registered.body().get("id").asText();

        signIn("aftersales", "ru");
        browser.go("/complaints");
        browser.select(By.id("search-kind"), "complaint").type(By.id("find-number"), "漏水 " + MARK)
                .click(By.id("find"));
        WebElement hit = browser.waitFor(By.cssSelector("#search-results tr[data-id='" + id + "']"));
        assertThat(hit.getText()).contains(subject, "王**", phone.substring(0, 3) + "****" + phone.substring(7))
                .doesNotContain(phone);
        browser.type(By.id("find-number"), "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " "
                + phone.substring(7)).click(By.id("find"));
        browser.until(d -> d.findElements(By.cssSelector("#search-results tbody tr")).size() == 1
                && !d.findElements(By.cssSelector("#search-results tr[data-id='" + id + "']")).isEmpty());
        browser.screenshot("complaints-search.ru");
        browser.click(By.cssSelector("#search-results tr[data-id='" + id + "'] a"));
        assertThat(browser.waitForText(By.id("complaint-subject"), subject).getText()).contains(subject);

        browser.go("/complaints");
        browser.select(By.id("search-kind"), "member").type(By.id("find-number"), "соколова ирина " + MARK)
                .click(By.id("find"));
        WebElement found = browser.waitFor(By.cssSelector("#search-results tr[data-kind='member']"));
        assertThat(found.getDomAttribute("data-id")).isEqualTo(memberId);
        assertThat(found.getText()).contains("И**** С******* " + MARK.charAt(0)).doesNotContain("Соколова");
        browser.click(By.cssSelector("#search-results tr[data-id='" + memberId + "'] a"));
        assertThat(browser.waitFor(By.id("member-card")).getText())
                .isEqualTo(registered.body().get("cardNumber").asText());
    }

    private static String register(String severity, String subject) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "PHONE");
        body.put("category", "FACILITY");
        body.put("severity", severity);
        body.put("customer", Map.of("name", "李先生", "phone", "13800001234"));
        body.put("subject", subject);
        var created = desk.post("/api/complaints", body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.body().get("id").asText();
        awaitStatus(id, "RECEIVED");
        return id;
    }

    private static void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var view = desk.get("/api/complaints/" + id);
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.body().get("status").asText()).isEqualTo(status);
        });
    }

    /**
     * How many complaints of today and yesterday have this subject (the list has no subject filter: page through
     * them). Yesterday too: one registered just before midnight is yesterday's by the time it is counted.
     */
    private static int complaintsWithSubject(String subject) {
        LocalDate today = LocalDate.now(MALL);
        int count = 0;
        for (int page = 0; page < 100; page++) {
            JsonNode body = desk.get("/api/complaints?from=" + today.minusDays(1) + "&to=" + today + "&size=100&page="
                    + page).body();
            for (JsonNode c : body.get("items")) {
                if (subject.equals(c.get("subject").asText())) {
                    count++;
                }
            }
            if ((page + 1) * 100L >= body.get("total").asLong()) {
                break;
            }
        }
        return count;
    }

    private static void signIn(String user, String language) {
        if (!browser.all(By.id("sign-out")).isEmpty() && browser.all(By.id("sign-out")).get(0).isDisplayed()) {
            signOut();
        }
        browser.signIn(user, language);
    }

    private static void signOut() {
        browser.click(By.id("sign-out"));
        browser.waitFor(By.id("username"));
    }

    private static void waitForRows(List<String> present, List<String> absent) {
        browser.until(d -> present.stream().allMatch(n -> !d.findElements(rowOf(n)).isEmpty())
                && absent.stream().allMatch(n -> d.findElements(rowOf(n)).isEmpty()));
    }

    private static By rowOf(String number) {
        return By.cssSelector("#queue tbody tr[data-number='" + number + "']");
    }

    /** Sets a date field as the date picker would. */
    private static void date(By field, LocalDate day) {
        browser.script("const f = arguments[0]; f.value = arguments[1];"
                + "f.dispatchEvent(new Event('input', { bubbles: true }));"
                + "f.dispatchEvent(new Event('change', { bubbles: true }));", browser.waitFor(field), day.toString());
    }

    /** The current page in each language, once the given element shows: {@code <name>.<lang>.png}. */
    private static void screenshots(String name, By ready) {
        browser.waitFor(ready);
        for (String language : LANGUAGES) {
            browser.language(language);
            browser.screenshot(name + "." + language);
        }
    }
}
