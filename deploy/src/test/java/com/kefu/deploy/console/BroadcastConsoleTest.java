package com.kefu.deploy.console;

import com.kefu.deploy.Gateway;
import com.kefu.deploy.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broadcasting in the console (B2, B3, B4): the broadcaster writes a script in Chinese and Russian and submits it, the
 * supervisor approves it from the queue, the broadcaster sees it approved and logs it as aired; an author who is also
 * a supervisor is refused the approval of their own script, in the user's language.
 */
class BroadcastConsoleTest {

    private static final String TEXT_ZH = "亲爱的顾客朋友们，本周末全场服装八折优惠，欢迎选购。";
    private static final String TEXT_RU = "Уважаемые покупатели, в эти выходные скидка двадцать процентов на всю одежду.";
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
    @DisplayName("B2 B3 B4 a bilingual script written and submitted in the console is approved from the supervisor's queue, "
            + "seen approved by the broadcaster and logged as aired")
    void scriptFromDraftToAir() {
        String title = "周末促销 " + run;
        signIn("broadcaster", "ru");
        String id = writeAndSubmit(title);

        signOut();
        signIn("supervisor", "zh");
        browser.go("/broadcast/approvals");
        By card = By.id("approval-" + id);
        awaitInQueue(card);
        assertThat(browser.waitFor(card).getText()).contains(title, TEXT_ZH, TEXT_RU);
        for (String language : LANGUAGES) {
            browser.language(language);
            browser.waitForText(By.tagName("h1"), heading(language));
            browser.screenshot("broadcast-approvals." + language);
        }
        browser.language("zh");
        browser.click(inside(card, "[data-test=approve]"));
        browser.waitForText(inside(card, "[data-test=decided]"), "已批准");

        signOut();
        signIn("broadcaster", "en");
        browser.go("/broadcast/scripts/" + id);
        browser.waitForText(By.id("script-status"), "Approved");
        assertThat(browser.waitFor(By.id("script-text-zh-view")).getText()).isEqualTo(TEXT_ZH);
        assertThat(browser.waitFor(By.id("script-text-ru-view")).getText()).isEqualTo(TEXT_RU);
        browser.waitForText(By.id("script-versions"), "supervisor");

        browser.go("/broadcast/airings");
        browser.until(d -> !d.findElements(By.cssSelector("#air-script option[value='" + id + "']")).isEmpty());
        browser.select(By.id("air-script"), id).select(By.id("air-language"), "ru").click(By.id("air-log"));
        By aired = By.cssSelector("#airings tr[data-script='" + id + "']");
        browser.waitForText(aired, "Russian");
        // the day of the log it was found in: midnight may pass before the screenshots below
        String airedOn = browser.waitFor(By.id("airings-date")).getDomProperty("value");
        // the console's days are the mall's, in the zone the gateway is configured with (kefu.mall.zone, the default)
        assertThat(browser.script("return Kefu.MALL_ZONE")).isEqualTo("Asia/Shanghai");

        browser.go("/broadcast/plan");
        browser.waitFor(By.cssSelector("#plan-slots tbody tr"));
        // the day after the one the page shows, not after the test's today: midnight may have passed in between
        String shown = browser.waitFor(By.id("plan-day")).getDomAttribute("data-date");
        String tomorrow = LocalDate.parse(shown).plusDays(1).toString();
        browser.click(By.id("plan-next"));
        browser.waitFor(By.cssSelector("#plan-day[data-date='" + tomorrow + "']"));
        browser.until(d -> !d.findElements(By.cssSelector("#slot-script option[value='" + id + "']")).isEmpty());
        String time = freeTime();
        setValue(By.id("slot-time"), time);
        browser.select(By.id("slot-programme"), "PROMOTIONS").select(By.id("slot-script"), id).click(By.id("slot-add"));
        By row = By.cssSelector("#plan-slots tr[data-time='" + time + "']");
        browser.waitForText(row, title);
        // approved, with no end date: nothing about the script keeps it off the air (a review may still flag the programme)
        assertThat(browser.all(inside(row, "[data-flag^=SCRIPT], [data-flag=NO_SCRIPT]"))).isEmpty();
        browser.click(inside(row, "[data-test=remove-slot]"));
        browser.until(d -> d.findElements(row).isEmpty());

        for (String language : LANGUAGES) {
            browser.language(language);
            browser.go("/broadcast/scripts");
            browser.waitForText(By.id("scripts"), title);
            browser.screenshot("broadcast-scripts." + language);
            browser.go("/broadcast/plan");
            browser.waitFor(By.cssSelector("#plan-slots [data-flag], #plan-slots tbody tr"));
            browser.screenshot("broadcast-plan." + language);
            browser.go("/broadcast/airings");
            showLogOf(airedOn, aired);
            browser.screenshot("broadcast-airings." + language);
            browser.go("/broadcast/equipment");
            browser.waitFor(By.id("equipment-name"));
            browser.screenshot("broadcast-equipment." + language);
        }
        signOut();
    }

    @Test
    @DisplayName("B3 a supervisor who wrote the script is refused its approval, and the console says why in Russian")
    void authorCannotApproveOwnScript() {
        // the demo users hold one role each: a lead who both writes and approves signs in with a token of the local key
        String lead = "lead-" + run;
        browser.language("ru");
        browser.script("sessionStorage.setItem('kefu.token', arguments[0]); location.reload();",
                Gateway.localToken(lead, "BROADCASTER", "SUPERVISOR"));
        browser.waitForText(By.id("user"), lead);
        String title = "Своя проверка " + run;
        String id = writeAndSubmit(title);

        browser.go("/broadcast/approvals");
        By card = By.id("approval-" + id);
        awaitInQueue(card);
        browser.click(inside(card, "[data-test=approve]"));
        WebElement refusal = browser.waitForText(inside(card, ".problem strong"), "Вы писали версию этого текста");
        assertThat(refusal.getText()).contains("другой руководитель");
        assertThat(browser.waitFor(inside(card, ".problem .detail")).getText()).contains(lead, "B3");
        assertThat(browser.all(inside(card, "[data-test=decided]")).get(0).isDisplayed()).isFalse();
        browser.screenshot("broadcast-approval-refused.ru");

        // the script leaves the queue of the other supervisors: its author withdraws it
        browser.go("/broadcast/scripts/" + id);
        browser.waitForText(By.id("script-status"), "На утверждении");
        browser.type(By.id("withdraw-reason"), "проверка " + run).click(By.id("script-withdraw"));
        browser.waitForText(By.id("script-status"), "Отозван");
        signOut();
    }

    /** Writes a script with both texts on the scripts page and submits it; answers its id. */
    private String writeAndSubmit(String title) {
        browser.go("/broadcast/scripts");
        browser.type(By.id("script-title"), title)
                .select(By.id("script-programme"), "PROMOTIONS")
                .type(By.id("script-text-zh"), TEXT_ZH)
                .type(By.id("script-text-ru"), TEXT_RU)
                .click(By.id("script-create"));
        String url = browser.until(d -> d.getCurrentUrl().matches(".*#/broadcast/scripts/[0-9a-f-]{36}$")
                ? d.getCurrentUrl() : null);
        String id = url.substring(url.lastIndexOf('/') + 1);
        browser.waitFor(By.cssSelector("#script-status[data-status=DRAFT]"));
        assertThat(browser.waitFor(By.id("script-text-ru-view")).getText()).isEqualTo(TEXT_RU);
        browser.click(By.id("script-submit"));
        browser.waitFor(By.cssSelector("#script-status[data-status=SUBMITTED]"));
        return id;
    }

    /** The queue shows what was submitted once the service's read model has it: the supervisor refreshes. */
    private static void awaitInQueue(By card) {
        browser.until(d -> {
            if (!d.findElements(card).isEmpty()) {
                return true;
            }
            d.findElement(By.id("approvals-refresh")).click();
            return false;
        });
    }

    private static By inside(By parent, String css) {
        return new By() {
            @Override
            public List<WebElement> findElements(org.openqa.selenium.SearchContext context) {
                return context.findElement(parent).findElements(By.cssSelector(css));
            }

            @Override
            public String toString() {
                return parent + " " + css;
            }
        };
    }

    private static String heading(String language) {
        return switch (language) {
            case "zh" -> "待审批稿件";
            case "ru" -> "Тексты на утверждении";
            default -> "Scripts awaiting approval";
        };
    }

    /** A time of tomorrow's plan that no other slot is likely to hold (the plan refuses two slots at one time). */
    private String freeTime() {
        int minute = Math.floorMod(run.hashCode(), 14 * 60) + 8 * 60 + 30;
        String time = String.format("%02d:%02d", minute / 60 % 24, minute % 60);
        return browser.all(By.cssSelector("#plan-slots tr[data-time='" + time + "']")).isEmpty() ? time
                : String.format("%02d:%02d", (minute / 60 + 1) % 24, (minute + 7) % 60);
    }

    /**
     * The programme log of {@code day} until {@code row} shows in it: the page opens on today's, which is the next day
     * if midnight passed since the airing was logged. Asked again until it shows, since the page's own first read
     * (of its first day) may answer after ours.
     */
    private static void showLogOf(String day, By row) {
        browser.until(d -> {
            if (!d.findElements(row).isEmpty()) {
                return true;
            }
            setValue(By.id("airings-date"), day);
            d.findElement(By.id("airings-refresh")).click();
            return false;
        });
    }

    /** A time field is typed differently in every locale: set its value as the picker would. */
    private static void setValue(By field, String value) {
        browser.script("const e = arguments[0]; e.value = arguments[1]; e.dispatchEvent(new Event('input'));",
                browser.waitFor(field), value);
    }

    private static void signOut() {
        browser.click(By.id("sign-out"));
        browser.waitFor(By.id("username"));
    }

    /** A token signed with the local profile's key (platform-base/src/main/resources/local-keys), as the services' tests do. */
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
