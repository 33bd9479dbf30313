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

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "What is this tenant's number?" at the desk (S1, the rulebook's 篇5 4) in a real browser: the desk records who asks,
 * never sees a tenant's number, tells the tenant and records it once; telling twice is refused, in the user's language
 * beside the step.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantContactConsoleTest {

    private static final String API = "/api/enquiries/tenant-contacts";
    private static final List<String> LANGUAGES = List.of("zh", "ru", "en");
    private static final String MARK = UUID.randomUUID().toString().substring(0, 8);

    private static Browser browser;
    private static Gateway desk;

    @BeforeAll
    static void open() {
        desk = Gateway.signIn(RunningSystem.gatewayUrl(), "desk");
        browser = Browser.open(RunningSystem.gatewayUrl(), Browser.DESK);
    }

    /** Whatever this class left to tell (a failed run, say) is told, so no other test finds it open. */
    @AfterAll
    static void close() {
        try {
            if (desk != null) {
                for (JsonNode r : desk.get(API + "?status=REQUESTED&size=100").body()) {
                    if (r.get("tenant").asText().contains(MARK)) {
                        desk.post(API + "/" + r.get("id").asText() + "/notified", Map.of("how", "测试结束 " + MARK));
                    }
                }
            }
        } finally {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @Order(1)
    @DisplayName("S1 the desk records who asks for a tenant's number, tells the tenant and records it; telling twice is refused")
    void requestTellAndRecord() {
        String tenant = "锦绣贸易 " + MARK;
        signIn("desk", "zh");
        browser.go("/tenant-contacts");
        assertThat(browser.waitFor(By.id("tc-rule")).getText()).contains("前台不向询问者透露租户的电话", "转告租户");

        browser.type(By.id("tc-tenant"), tenant).type(By.id("tc-name"), "赵先生")
                .type(By.id("tc-phone"), "13912345678").type(By.id("tc-purpose"), "洽谈供货合作 " + MARK);
        browser.click(By.id("tc-submit"));
        browser.waitForText(By.id("tc-recorded"), tenant);
        assertThat(browser.waitFor(By.id("tc-tenant")).getDomProperty("value")).as("a fresh form").isEmpty();

        WebElement row = browser.waitFor(toTell(tenant));
        String id = row.getDomAttribute("data-id");
        // the enquirer masked in the list (PD1), in clear only through the recorded read below
        assertThat(row.getText()).contains("赵**", "139****5678", "洽谈供货合作 " + MARK, "desk")
                .doesNotContain("13912345678").doesNotContain("赵先生");
        assertThat(browser.all(told(tenant))).isEmpty();

        row.findElement(By.cssSelector("button.tell")).click();
        browser.waitForText(By.id("tc-selected-tenant"), tenant);
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).as("focus on the first field")
                .isEqualTo("tc-how");
        // the enquirer's number in clear, to pass on: a recorded read with the reason filled in
        browser.click(By.id("tc-read-contact"));
        browser.waitForText(By.id("tc-contact"), "赵先生 13912345678");

        browser.type(By.id("tc-how"), "电话告知租户前台").type(By.id("tc-response"), "租户会回电 " + MARK);
        browser.click(By.id("tc-notified"));
        browser.waitForText(By.id("tc-done"), tenant);
        WebElement toldRow = browser.waitFor(told(tenant));
        assertThat(toldRow.getText()).contains("电话告知租户前台", "租户会回电 " + MARK, "赵**", "139****5678")
                .doesNotContain("13912345678").doesNotContain("赵先生");
        browser.until(d -> d.findElements(toTell(tenant)).isEmpty());
        assertThat(browser.all(By.id("tc-notified"))).as("no form left for a told request").isEmpty();

        Gateway.Response again = desk.post(API + "/" + id + "/notified", Map.of("how", "再次通知"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("type").asText()).isEqualTo("urn:kefu:problem:tenant-already-notified");
        assertThat(desk.get(API + "/" + id).body().get("notifiedHow").asText()).isEqualTo("电话告知租户前台");
    }

    @Test
    @Order(2)
    @DisplayName("S1 a request a colleague told meanwhile: the console's step is refused beside it, in Chinese, then in Russian")
    void toldMeanwhileIsRefusedBesideTheStep() {
        String tenant = "华美服饰 " + MARK;
        String id = request(tenant, "钱女士", "想租隔壁铺位 " + MARK);
        signIn("desk", "zh");
        browser.go("/tenant-contacts");
        browser.waitFor(toTell(tenant)).findElement(By.cssSelector("button.tell")).click();
        browser.waitForText(By.id("tc-selected-tenant"), tenant);

        assertThat(desk.post(API + "/" + id + "/notified", Map.of("how", "同事当面告知")).status()).isEqualTo(200);
        browser.type(By.id("tc-how"), "电话告知租户");
        browser.click(By.id("tc-notified"));
        WebElement problem = browser.waitFor(By.cssSelector("#tc-notify-form .problem"));
        assertThat(problem.getText()).contains("已经通知过该租户");
        browser.waitFor(told(tenant));
        browser.until(d -> d.findElements(toTell(tenant)).isEmpty());
        assertThat(browser.waitFor(told(tenant)).getText()).as("the colleague's record stands").contains("同事当面告知");
        browser.screenshot("complaints-tenant-contacts-refused.zh");

        browser.language("ru");
        browser.waitForText(By.cssSelector("#tc-notify-form .problem"), "Арендатора уже известили");
        browser.language("zh");
    }

    @Test
    @Order(3)
    @DisplayName("screenshots of the page with a request to tell in zh, ru and en")
    void screenshots() {
        String tenant = "百盛眼镜 " + MARK;
        String id = request(tenant, "孙先生", "询问租户营业时间 " + MARK);
        signIn("desk", "zh");
        browser.go("/tenant-contacts");
        browser.waitFor(toTell(tenant));
        for (String language : LANGUAGES) {
            browser.language(language);
            browser.screenshot("complaints-tenant-contacts." + language);
        }
        browser.language("zh");
        browser.driver().manage().window().setSize(Browser.TABLET);
        try {
            browser.waitFor(toTell(tenant)).findElement(By.cssSelector("button.tell")).click();
            browser.waitForText(By.id("tc-selected-tenant"), tenant);
            browser.screenshot("complaints-tenant-contacts-tell.tablet.zh");
        } finally {
            browser.driver().manage().window().setSize(Browser.DESK);
        }
        assertThat(desk.post(API + "/" + id + "/notified", Map.of("how", "测试结束")).status()).isEqualTo(200);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** A request recorded through the API, once the desk's list shows it. */
    private static String request(String tenant, String enquirer, String purpose) {
        Gateway.Response created = desk.post(API, Map.of("tenant", tenant, "enquirerName", enquirer,
                "enquirerPhone", "13700002222", "purpose", purpose));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.body().get("id").asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> desk.get(API + "/" + id).status() == 200);
        return id;
    }

    private static By toTell(String tenant) {
        return By.cssSelector("#tc-requested tbody tr[data-tenant='" + tenant + "']");
    }

    private static By told(String tenant) {
        return By.cssSelector("#tc-told tbody tr[data-tenant='" + tenant + "']");
    }

    private static void signIn(String user, String language) {
        if (!browser.all(By.id("sign-out")).isEmpty() && browser.all(By.id("sign-out")).get(0).isDisplayed()) {
            browser.click(By.id("sign-out"));
            browser.waitFor(By.id("username"));
        }
        browser.signIn(user, language);
    }
}
