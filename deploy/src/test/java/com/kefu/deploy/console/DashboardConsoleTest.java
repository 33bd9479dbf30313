package com.kefu.deploy.console;

import com.kefu.deploy.Gateway;
import com.kefu.deploy.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The managers' dashboard: live figures from the dashboard stream, each open fire with its unticked steps (D13), the
 * month's statistics with their exports.
 */
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
    @DisplayName("D13 the CS manager sees a fire the desk reports at the top of the dashboard, red, with its unticked "
            + "steps, which shrink as the desk ticks them, all without a reload; resolved, it leaves")
    void openFireLive() {
        browser.signIn("manager", "zh").go("/dashboard");
        browser.waitFor(By.id("figure-open"));
        browser.script("window.__sameDocument = true");

        Gateway desk = Gateway.signIn(RunningSystem.gatewayUrl(), "desk");
        var fire = desk.post("/api/incidents", Map.of("category", "FIRE", "location", "B2 楼梯口",
                "reporter", "保安 王强", "description", "看板火警 / пожар на дашборде", "major", true,
                "fire", Map.of("fireLocation", "B2 配电房", "burning", "电缆", "flame", false, "smoke", true)));
        assertThat(fire.status()).as(String.valueOf(fire.body())).isEqualTo(201);
        String incidentId = fire.body().get("id").asText();
        String i = "/api/incidents/" + incidentId;
        By card = By.id("fire-" + incidentId);
        By openSteps = By.cssSelector("#fire-" + incidentId + " .fire-open-step");
        try {
            browser.until(d -> d.findElements(openSteps).size() == 5);
            assertThat(browser.driver().findElement(card).getText()).contains("B2 配电房").contains("拨打消防中心报警电话 119");
            assertThat(browser.driver().findElement(card).getCssValue("border-top-color"))
                    .isIn("rgba(180, 35, 24, 1)", "rgb(180, 35, 24)");

            assertThat(desk.post(i + "/fire-steps/FIRE_BRIGADE_CALLED", Map.of()).status()).isEqualTo(200);
            browser.until(d -> d.findElements(openSteps).size() == 4);
            assertThat(browser.all(openSteps).stream().map(step -> step.getAttribute("data-step")).toList())
                    .doesNotContain("FIRE_BRIGADE_CALLED");

            assertThat(desk.upload(i + "/photos", "fire.png", "image/png", png()).status()).isEqualTo(201);
            for (String step : List.of("SENIOR_ON_DUTY_TOLD", "SECURITY_CONTROL_ROOM_TOLD", "EVACUATION_GUIDED")) {
                assertThat(desk.post(i + "/fire-steps/" + step, Map.of()).status()).isEqualTo(200);
            }
            assertThat(desk.post(i + "/fire-steps/EXTINGUISHER_USED/not-needed", Map.of("reason", "断电后自行熄灭"))
                    .status()).isEqualTo(200);
            assertThat(desk.post(i + "/resolve", Map.of("outcome", "已扑灭")).status()).isEqualTo(200);
            browser.until(d -> d.findElements(card).isEmpty());
            assertThat(browser.script("return window.__sameDocument === true")).as("no reload").isEqualTo(true);
        } finally {
            if (!desk.get(i).body().path("resolved").asBoolean()) {
                desk.get(i).body().path("fireChecklist").path("open").forEach(step -> desk.post(i + "/fire-steps/"
                        + step.asText() + "/not-needed", Map.of("reason", "closed by the test after a failure")));
                desk.post(i + "/resolve", Map.of("outcome", "closed by the test after a failure"));
            }
        }
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

    private static byte[] png() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int number(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Integer.parseInt(digits);
    }
}
