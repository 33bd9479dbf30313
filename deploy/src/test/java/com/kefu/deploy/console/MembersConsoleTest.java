package com.kefu.deploy.console;

import com.kefu.deploy.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members in the console (M1, M2, M3, M5): after-sales registers a member, adds points and is refused a deduction past
 * the balance in Russian; starts a gift campaign and hands a gift out, refused past the member's limit; the desk opens
 * a storage request for the member and closes it.
 */
class MembersConsoleTest {

    private static final List<String> LANGUAGES = List.of("zh", "ru", "en");

    private static Browser browser;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void open() {
        browser = Browser.open(RunningSystem.gatewayUrl(), Browser.DESK);
    }

    /** Each test starts signed out, whatever the one before it left. */
    @BeforeEach
    void signedOut() {
        browser.go("/");
        browser.script("sessionStorage.removeItem('kefu.token')");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @DisplayName("M1 M2 M3 M5 a member registered in the console earns points, is refused a deduction past the balance, "
            + "receives a campaign gift up to the limit and has a storage request opened and closed")
    void memberAtTheDesk() {
        signIn("aftersales", "ru");
        browser.go("/members");

        // M1: registration, with a phone no other run has used
        String name = "王丽 " + run;
        String phone = "+86 139 " + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        browser.type(By.id("register-name"), name).type(By.id("register-phone"), phone)
                .select(By.id("register-tier"), "SILVER").click(By.id("member-register"));
        // the member's name shows masked (PD1): the surname's character and the initial of the rest
        browser.waitForText(By.id("member-name"), "王* " + run.charAt(0) + "*".repeat(run.length() - 1));
        String card = browser.waitFor(By.id("member-card")).getText();
        assertThat(card).matches("[0-9]{12}");
        assertThat(browser.waitFor(By.id("member-tier")).getText()).isEqualTo("Серебряный");
        assertThat(browser.waitFor(By.id("member-status")).getText()).isEqualTo("Действует");
        String memberUrl = browser.driver().getCurrentUrl();

        // M2: points earned, then a deduction past the balance refused in the user's language
        browser.type(By.id("points-amount"), "200").type(By.id("points-reason"), "покупка " + run)
                .click(By.id("points-add"));
        browser.until(d -> "200".equals(d.findElement(By.id("member-points")).getDomAttribute("data-points")));
        browser.type(By.id("points-amount"), "500").type(By.id("points-reason"), "подарок за баллы")
                .click(By.id("points-deduct"));
        WebElement refusal = browser.waitForText(By.cssSelector("#points-problem strong"), "Недостаточно баллов");
        assertThat(refusal.getText()).isEqualTo("Недостаточно баллов: баланс не может стать отрицательным.");
        assertThat(browser.waitFor(By.cssSelector("#points-problem .detail")).getText()).contains(card, "200");
        assertThat(browser.waitFor(By.id("member-points")).getDomAttribute("data-points")).isEqualTo("200");

        // M3: a campaign from today, one gift per member: the second hand-out is refused. It runs until tomorrow, so
        // that it still runs if midnight passes during the test
        browser.go("/gift-campaigns");
        String campaign = "Зонты " + run;
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        browser.type(By.id("campaign-name"), campaign).type(By.id("campaign-item"), "зонт")
                .type(By.id("campaign-stock"), "5").type(By.id("campaign-limit"), "1");
        setValue(By.id("campaign-ends"), tomorrow);
        browser.click(By.id("campaign-start"));
        By row = By.xpath("//table[@id='campaigns']//tr[td[1]/strong[text()='" + campaign + "']]");
        browser.waitFor(row);
        String campaignId = browser.waitFor(row).getDomAttribute("data-campaign");
        browser.until(d -> campaignId.equals(d.findElement(By.id("handout-campaign")).getDomProperty("value")));
        browser.type(By.id("handout-card"), card).click(By.id("handout-submit"));
        browser.waitForText(By.id("handout-notice"), card);
        browser.waitForText(inside(row, "[data-test=stock]"), "4");
        browser.click(By.id("handout-submit"));
        browser.waitForText(By.cssSelector("#handout-problem strong"), "Участник уже получил максимум");
        assertThat(browser.waitFor(inside(row, "[data-test=stock]")).getText()).isEqualTo("4");

        // M5: a storage ticket for the member, then collected
        browser.go("/service-requests");
        browser.select(By.id("request-kind"), "STORAGE").type(By.id("request-card"), card)
                .type(By.id("request-details"), "чемодан синий " + run).click(By.id("request-open"));
        String ticket = browser.waitForText(By.id("request-ticket"), "JC-").getText().replaceAll(".*(JC-[0-9]+).*", "$1");
        By request = By.cssSelector("#requests tr[data-number='" + ticket + "']");
        assertThat(browser.waitFor(request).getText()).contains("чемодан синий " + run, "Камера хранения", "Открыта");
        // the storage ticket prints in a new tab, bilingual, for the customer to keep
        String console = browser.driver().getWindowHandle();
        browser.click(inside(request, "[data-test=print-ticket]"));
        String printed = browser.until(d -> d.getWindowHandles().stream().filter(h -> !h.equals(console))
                .findFirst().orElse(null));
        browser.driver().switchTo().window(printed);
        browser.until(d -> d.getPageSource().contains("寄存凭证") && d.getPageSource().contains(ticket));
        assertThat(browser.driver().getPageSource()).contains("Квитанция о хранении", "чемодан синий " + run, card);
        browser.driver().close();
        browser.driver().switchTo().window(console);
        browser.click(inside(request, "[data-test=complete]"));
        browser.waitForText(inside(request, "[data-test=status]"), "Выполнена");

        // the member's record shows all of it
        browser.driver().get(memberUrl);
        browser.waitForText(By.id("member-gifts"), "зонт");
        browser.waitForText(By.id("member-requests"), ticket);
        browser.waitForText(By.id("points-history"), "покупка " + run);

        for (String language : LANGUAGES) {
            browser.language(language);
            browser.driver().get(memberUrl);
            browser.waitForText(By.id("member-requests"), ticket);
            browser.screenshot("members-member." + language);
            browser.go("/members");
            browser.waitFor(By.cssSelector("#tiers tbody tr"));
            browser.screenshot("members-register." + language);
            browser.go("/gift-campaigns");
            browser.waitForText(By.id("campaigns"), campaign);
            browser.screenshot("members-campaigns." + language);
            browser.go("/service-requests");
            browser.waitFor(By.id("request-kind"));
            browser.select(By.id("requests-status"), "");
            browser.waitForText(By.id("requests"), ticket);
            browser.screenshot("members-requests." + language);
        }
        browser.click(By.id("sign-out"));
        browser.waitFor(By.id("username"));
    }

    private static By inside(By parent, String css) {
        return new By() {
            @Override
            public List<WebElement> findElements(SearchContext context) {
                return context.findElement(parent).findElements(By.cssSelector(css));
            }

            @Override
            public String toString() {
                return parent + " " + css;
            }
        };
    }

    /** A date field is typed differently in every locale: set its value as the picker would. */
    private static void setValue(By field, String value) {
        browser.script("const e = arguments[0]; e.value = arguments[1]; e.dispatchEvent(new Event('input'));",
                browser.waitFor(field), value);
    }

    /**
     * Signs in and waits for the home page to be drawn, so that the next {@code go} is not overtaken by the sign-in's
     * own rendering of the home page.
     */
    private static void signIn(String username, String language) {
        browser.signIn(username, language);
        browser.until(d -> Boolean.TRUE.equals(browser.script(
                "return document.getElementById('main').children.length > 0 && !document.querySelector('#main .signin')")));
    }
}
