package com.kefu.deploy.console;

import com.kefu.deploy.Gateway;
import com.kefu.deploy.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's rounds with their repair orders (D16) and tasks from superiors (D19) in the console, in zh, ru and en:
 * the desk records a round with a fault, engineering acknowledges and closes the repair order on its own sign-in;
 * a task given through the API shows among the open ones, overdue or not, until the desk marks it done.
 */
class RoundsConsoleTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static Browser browser;
    private static Gateway desk;

    @BeforeAll
    static void open() {
        System.setProperty("java.awt.headless", "true");
        browser = Browser.open(RunningSystem.gatewayUrl(), Browser.DESK);
        desk = Gateway.signIn(RunningSystem.gatewayUrl(), "desk");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @DisplayName("D16 a round recorded in the desk's console opens a repair order for its fault; engineering, signed "
            + "in as itself, acknowledges and closes it in its console, and it leaves the open orders")
    void roundAndRepairOrder() {
        String lift = "Лифт 2 / 电梯 2 " + RUN;
        browser.signIn("desk", "ru");
        browser.go("/desk/rounds");
        browser.type(By.id("round-area"), "Холл 1 этажа / 一楼大厅")
               .type(By.id("round-item-0"), "Автоматические двери " + RUN)
               .click(By.id("round-add"))
               .type(By.id("round-item-1"), lift)
               .select(By.id("round-result-1"), "FAULT")
               .type(By.id("round-note-1"), "не закрываются двери")
               .click(By.id("round-record"));
        browser.waitForText(By.id("round-recorded"), message("ru", "rounds.recorded").replace("{faults}", "1"));
        By order = By.xpath("//tr[@data-test='repair-order'][contains(., '" + lift + "')]");
        browser.waitForText(order, message("ru", "rounds.status.OPEN"));

        for (String lang : List.of("zh", "en", "ru")) {
            browser.language(lang);
            browser.waitForText(By.cssSelector("h1"), message(lang, "rounds.title"));
            browser.screenshot("desk-rounds." + lang);
        }

        browser.signIn("engineering", "zh");
        browser.go("/desk/rounds");
        browser.waitForText(order, message("zh", "rounds.status.OPEN"));
        browser.waitFor(order).findElement(By.cssSelector("[data-test=acknowledge]")).click();
        browser.waitForText(order, message("zh", "rounds.status.ACKNOWLEDGED"));
        browser.waitFor(order).findElement(By.cssSelector("[data-test=order-note]")).sendKeys("换了门机");
        browser.waitFor(order).findElement(By.cssSelector("[data-test=close]")).click();
        browser.until(driver -> driver.findElements(order).isEmpty());
    }

    @Test
    @DisplayName("D19 a task from a superior shows among the open tasks with its due time, overdue when past it, "
            + "until the desk marks it done in the console")
    void taskUntilDone() {
        String text = "Проверить пожарные выходы / 检查消防通道 " + RUN;
        Gateway.Response given = desk.post("/api/tasks", Map.of("text", text, "from", "主管 张", "post", "front-desk",
                "dueAt", Instant.now().plus(Duration.ofHours(4)).toString()));
        assertThat(given.status()).as(String.valueOf(given.body())).isEqualTo(201);

        browser.signIn("desk", "en");
        browser.go("/desk/tasks");
        By task = By.xpath("//tr[@data-test='task'][contains(., '" + text + "')]");
        browser.waitForText(task, message("en", "tasks.to.POST"));
        assertThat(browser.waitFor(task).findElement(By.cssSelector("[data-test=overdue]")).isDisplayed()).isFalse();
        for (String lang : List.of("zh", "ru", "en")) {
            browser.language(lang);
            browser.waitForText(By.cssSelector("h1"), message(lang, "tasks.title"));
            browser.screenshot("desk-tasks." + lang);
        }
        browser.waitFor(task).findElement(By.cssSelector("[data-test=done]")).click();
        browser.until(driver -> driver.findElements(task).isEmpty());
        Gateway.Response done = desk.get("/api/tasks/" + given.body().path("id").asText());
        assertThat(done.body().path("doneBy").asText()).isEqualTo("desk");
    }

    private static String message(String lang, String key) {
        return ConsoleMessages.message(lang, "rounds", key);
    }
}
