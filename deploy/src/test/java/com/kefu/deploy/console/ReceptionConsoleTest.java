package com.kefu.deploy.console;

import com.kefu.deploy.Gateway;
import com.kefu.deploy.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the desk keeps for others in the console, in zh, ru and en: a parcel received from the outside only and
 * handed over against a signature (D17), a visitor signed in with a badge and out again (D18), names masked (PD1).
 */
class ReceptionConsoleTest {

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
    @DisplayName("D17 PD1 a parcel received in the desk's console is held for its tenant, described from the outside, "
            + "and handed over against a signature; the collector reads masked")
    void parcelReceivedAndHandedOver() {
        String tenant = "A-301 服装店 " + RUN;
        String outside = "纸箱 40×30×20 / коробка " + RUN;
        browser.signIn("desk", "zh");
        browser.go("/desk/parcels");
        browser.type(By.id("parcel-tenant"), tenant)
               .type(By.id("parcel-shop"), "A-301")
               .select(By.id("parcel-kind"), "PARCEL")
               .type(By.id("parcel-delivered-by"), "顺丰快递")
               .type(By.id("parcel-outside"), outside)
               .type(By.id("parcel-stored-at"), "前台柜 2")
               .click(By.id("parcel-receive"));
        By parcel = By.xpath("//tr[@data-test='parcel'][contains(., '" + outside + "')]");
        browser.waitForText(parcel, message("zh", "parcels.kind.PARCEL"));
        String id = browser.waitFor(parcel).getAttribute("data-parcel-id");

        for (String lang : List.of("ru", "en", "zh")) {
            browser.language(lang);
            browser.waitForText(By.cssSelector("h1"), message(lang, "parcels.title"));
            browser.screenshot("desk-parcels." + lang);
        }

        WebElement row = browser.waitFor(parcel);
        row.findElement(By.cssSelector("[data-test=collected-by]")).sendKeys("欧阳修");
        row.findElement(By.cssSelector("[data-test=signature]")).sendKeys("工牌 S" + RUN);
        row.findElement(By.cssSelector("[data-test=hand-over]")).click();
        browser.until(driver -> driver.findElements(parcel).isEmpty());

        Gateway.Response handedOver = desk.get("/api/parcels/" + id);
        assertThat(handedOver.status()).isEqualTo(200);
        assertThat(handedOver.body().path("custody").asText()).isEqualTo("HANDED_OVER");
        assertThat(handedOver.body().path("opened").asBoolean()).isFalse();
        assertThat(handedOver.body().toString()).doesNotContain("欧阳修");
    }

    @Test
    @DisplayName("D18 PD1 a visitor signed in in the console is in the building with their badge, their name masked, "
            + "until the desk records that they left and the badge came back")
    void visitorInAndOut() {
        String badge = "V-" + RUN;
        String visiting = "12F 律师事务所 " + RUN;
        browser.signIn("desk", "ru");
        browser.go("/desk/visitors");
        browser.type(By.id("visitor-name"), "Пётр Орлов")
               .type(By.id("visitor-visiting"), visiting)
               .type(By.id("visitor-badge"), badge)
               .click(By.id("visitor-sign-in"));
        By visitor = By.xpath("//tr[@data-test='visitor'][contains(., '" + badge + "')]");
        browser.waitForText(visitor, visiting);
        assertThat(browser.waitFor(visitor).getText()).doesNotContain("Пётр Орлов");

        for (String lang : List.of("zh", "en", "ru")) {
            browser.language(lang);
            browser.waitForText(By.cssSelector("h1"), message(lang, "visitors.title"));
            browser.screenshot("desk-visitors." + lang);
        }

        browser.waitFor(visitor).findElement(By.cssSelector("[data-test=departure]")).click();
        browser.until(driver -> driver.findElements(visitor).isEmpty());
        Gateway.Response again = desk.post("/api/visitors",
                Map.of("name", "Анна Сидорова", "visiting", visiting, "badge", badge));
        assertThat(again.status()).as("the badge came back: " + again.body()).isEqualTo(201);
    }

    private static String message(String lang, String key) {
        return ConsoleMessages.message(lang, "reception", key);
    }
}
