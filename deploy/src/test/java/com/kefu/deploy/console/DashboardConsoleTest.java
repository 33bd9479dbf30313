package com.kefu.deploy.console;

import com.kefu.deploy.Gateway;
import com.kefu.deploy.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The managers' dashboard: live figures from the dashboard stream, the month's statistics with their exports. */
class DashboardConsoleTest {

    private static Browser browser;

    @BeforeAll
    static void open() {
        browser = Browser.open(RunningSystem.gatewayUrl(), Browser.DESK);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @DisplayName("a complaint registered elsewhere moves the open count without a reload; the month counts it")
    void figuresAreLive() {
        browser.signIn("supervisor", "zh").go("/dashboard");
        int before = number(browser.waitFor(By.id("figure-open")).getText());
        browser.script("window.__sameDocument = true");

        Gateway desk = Gateway.signIn(RunningSystem.gatewayUrl(), "desk");
        var registered = desk.post("/api/complaints", Map.of("channel", "PHONE", "category", "FACILITY",
                "severity", "NORMAL", "customer", Map.of("name", "李四", "phone", "+8613800138000"),
                "subject", "看板 / dashboard", "description", "B1 停车场"));
        assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);

        browser.until(d -> number(d.findElement(By.id("figure-open")).getText()) > before);
        assertThat(browser.script("return window.__sameDocument === true")).as("no reload").isEqualTo(true);

        browser.click(By.id("load-report"));
        browser.until(d -> number(d.findElement(By.id("total-received")).getText()) >= 1);
        browser.click(By.id("export-csv"));
        assertThat(browser.all(By.cssSelector("#statistics .problem")).get(0).isDisplayed()).isFalse();
    }

    @Test
    @DisplayName("the CS manager sees the live figures but not the statistics, which are not theirs to read")
    void managerSeesFiguresOnly() {
        browser.signIn("manager", "en").go("/dashboard");
        browser.waitFor(By.id("figure-open"));
        assertThat(browser.driver().findElement(By.id("statistics")).isDisplayed()).isFalse();
    }

    @Test
    @DisplayName("screenshots of the dashboard in zh, ru and en, on a desk screen and a tablet")
    void screenshots() {
        browser.signIn("supervisor", "zh").go("/dashboard");
        for (String language : new String[] {"zh", "ru", "en"}) {
            browser.language(language);
            browser.waitFor(By.id("total-received"));
            browser.waitForText(By.id("dashboard-live"), switch (language) {
                case "zh" -> "实时";
                case "ru" -> "В реальном времени";
                default -> "Live";
            });
            browser.screenshot("dashboard." + language);
        }
        browser.language("zh");
    }

    private static int number(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Integer.parseInt(digits);
    }
}
