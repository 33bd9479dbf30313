package com.kefu.deploy.console;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario in real browsers against the real system: the desk registers a complaint in the Russian
 * console; the security department, whose inbox is already open, sees it arrive without reloading once after-sales
 * assigns it, acknowledges and resolves it; after-sales calls the customer back and archives it; the auditor moves the
 * history's slider back to the first point and reads RECEIVED.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplaintScenarioTest {

    private static final String MARK = UUID.randomUUID().toString().substring(0, 8);
    private static final String SUBJECT = "Сценарий " + MARK + ": в туалете 3 этажа нет воды";

    /** The office PC: the desk, then after-sales, then the auditor sign in on it. */
    private static Browser office;
    /** The security department's tablet: its inbox stays open the whole time. */
    private static Browser security;

    private static String number;
    private static String complaintUrl;

    @BeforeAll
    static void open() {
        security = Browser.open(RunningSystem.gatewayUrl(), Browser.TABLET);
        office = Browser.open(RunningSystem.gatewayUrl(), Browser.DESK);
    }

    @AfterAll
    static void close() {
        if (security != null) {
            security.close();
        }
        if (office != null) {
            office.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("C5 the security department opens its inbox before anything happens; it goes live")
    void securityWatchesItsInbox() {
        security.signIn("security", "zh");
        security.go("/inbox");
        security.waitFor(By.cssSelector("#inbox-live[data-live='live']"));
        assertThat(security.waitFor(By.id("inbox-department")).getText()).isEqualTo("保安部");
        // a reload would forget this: its presence at the end proves the inbox changed in place
        security.script("window.kefuScenarioNoReload = true");
    }

    @Test
    @Order(2)
    @DisplayName("C1 C2 the desk registers a telephone complaint in the Russian console and reads its number")
    void deskRegistersInRussian() {
        office.signIn("desk", "ru");
        office.go("/intake");
        office.select(By.id("c-channel"), "PHONE")
                .select(By.id("c-category"), "FACILITY")
                .select(By.id("c-severity"), "NORMAL")
                .type(By.id("c-name"), "Ольга Иванова")
                .type(By.id("c-phone"), "+7 914 555 0102")
                .type(By.id("c-subject"), SUBJECT)
                .type(By.id("c-description"), "Клиентка сообщила по телефону: в туалете у эскалатора нет воды.");
        office.click(By.id("register-complaint"));

        WebElement notice = office.waitFor(By.id("registered"));
        number = office.waitFor(By.id("registered-number")).getText();
        assertThat(number).matches("KF-\\d{6}-\\d{5}");
        assertThat(notice.getText()).contains("Жалоба зарегистрирована под номером", number, "Открыть жалобу");

        office.click(By.id("registered-link"));
        office.waitForText(By.id("complaint-number"), number);
        assertThat(office.waitFor(By.id("complaint-status")).getText()).isEqualTo("Принята");
        assertThat(office.waitFor(By.id("complaint-subject")).getText()).isEqualTo(SUBJECT);
        complaintUrl = office.driver().getCurrentUrl();
        assertThat(office.all(By.cssSelector("[data-action='assign']")).stream().noneMatch(WebElement::isDisplayed))
                .as("the desk does not assign").isTrue();
        signOut(office);
    }

    @Test
    @Order(3)
    @DisplayName("C5 after-sales finds it in the queue and assigns it to security")
    void afterSalesAssignsToSecurity() {
        office.signIn("aftersales", "zh");
        office.go("/complaints");
        office.select(By.id("f-status"), "RECEIVED").click(By.id("apply-filter"));
        office.click(By.cssSelector("#queue tr[data-number='" + number + "'] a"));
        office.waitForText(By.id("complaint-number"), number);
        assertThat(office.waitFor(By.id("complaint-status")).getText()).isEqualTo("已受理");

        office.select(By.id("assign-department"), "security")
                .type(By.id("assign-instructions"), "请尽快派人检查供水 " + MARK);
        office.click(By.id("assign"));
        office.until(d -> "ASSIGNED".equals(d.findElement(By.id("complaint-status")).getDomAttribute("data-status")));
        assertThat(office.waitFor(By.id("complaint-department")).getText()).isEqualTo("保安部");
        assertThat(office.waitFor(By.cssSelector("#timeline li[data-type='ComplaintAssigned']")).getText())
                .contains("通知责任部门", "保安部", "请尽快派人检查供水 " + MARK);
    }

    @Test
    @Order(4)
    @DisplayName("C5 C6 security sees it appear without reloading, acknowledges and resolves it")
    void securityAcknowledgesAndResolves() {
        By card = By.cssSelector("#inbox article[data-number='" + number + "']");
        WebElement arrived = security.waitFor(card);
        assertThat(security.script("return window.kefuScenarioNoReload === true")).as("no reload").isEqualTo(true);
        security.waitForText(card, SUBJECT);
        assertThat(arrived.getText()).contains("请尽快派人检查供水 " + MARK, "新派来，请确认");
        security.screenshot("scenario-inbox-arrived.zh");

        security.click(By.cssSelector("#inbox article[data-number='" + number + "'] button.acknowledge"));
        security.until(d -> "true".equals(d.findElement(card).getDomAttribute("data-acknowledged")));
        security.type(By.cssSelector("#inbox article[data-number='" + number + "'] textarea.work-text"),
                "已联系工程部恢复供水 " + MARK);
        security.click(By.cssSelector("#inbox article[data-number='" + number + "'] button.resolve"));
        security.until(d -> "RESOLVED".equals(d.findElement(card).getDomAttribute("data-status")));
        assertThat(security.waitFor(card).getText()).contains("部门已处理", "已联系工程部恢复供水 " + MARK);
        assertThat(security.script("return window.kefuScenarioNoReload === true")).as("no reload").isEqualTo(true);
    }

    @Test
    @Order(5)
    @DisplayName("C7 C8 after-sales calls the customer back (reached, 5 of 5) and archives the complaint")
    void afterSalesFollowsUpAndArchives() {
        office.driver().get(complaintUrl);
        office.driver().navigate().refresh();
        office.until(d -> "RESOLVED".equals(d.findElement(By.id("complaint-status")).getDomAttribute("data-status")));

        office.click(By.id("follow-up-reached"))
                .select(By.id("follow-up-satisfaction"), "5")
                .type(By.id("follow-up-comment"), "水已恢复，客户表示感谢 " + MARK);
        office.click(By.id("follow-up"));
        office.until(d -> "FOLLOWED_UP".equals(d.findElement(By.id("complaint-status")).getDomAttribute("data-status")));
        assertThat(office.waitFor(By.id("complaint-status")).getText()).isEqualTo("已回访");

        office.click(By.id("archive"));
        office.until(d -> "ARCHIVED".equals(d.findElement(By.id("complaint-status")).getDomAttribute("data-status")));
        assertThat(office.waitFor(By.id("complaint-status")).getText()).isEqualTo("已归档");
        assertThat(office.waitFor(By.id("no-steps")).getText()).isEqualTo("当前状态下您没有可执行的操作。");
        signOut(office);
    }

    @Test
    @Order(6)
    @DisplayName("C13 the auditor opens its history, moves the slider back to the first point and sees RECEIVED")
    void auditorReplays() {
        office.signIn("auditor", "en");
        office.go("/audit");
        office.type(By.id("audit-number"), number).click(By.id("audit-open"));
        office.waitForText(By.id("audit-number"), number);
        office.waitForText(By.id("audit-state"), "ARCHIVED");
        assertThat(office.waitFor(By.id("audit-state-name")).getText()).isEqualTo("Archived");

        WebElement slider = office.waitFor(By.id("audit-slider"));
        slider.sendKeys(Keys.HOME);
        office.waitForText(By.id("audit-state"), "RECEIVED");
        assertThat(office.waitFor(By.id("audit-state")).getText()).isEqualTo("RECEIVED");
        assertThat(office.waitFor(By.id("audit-state-name")).getText()).isEqualTo("Received");
        assertThat(office.waitFor(By.id("audit-event")).getText()).isEqualTo("Received");
        assertThat(office.waitFor(By.id("audit-department")).getText()).isEqualTo("—");
        assertThat(office.all(By.cssSelector("#audit-timeline li.later"))).as("the later steps fade").isNotEmpty();
        office.screenshot("scenario-audit-first-point.en");

        slider.sendKeys(Keys.ARROW_RIGHT);
        office.waitForText(By.id("audit-state"), "ASSIGNED");
        assertThat(office.waitFor(By.id("audit-department")).getText()).isEqualTo("Security");
        signOut(office);
    }

    @Test
    @Order(7)
    @DisplayName("A4 the auditor opens a gift campaign from the same page: its history, and the stock as it was at its "
            + "first event")
    void auditorOpensAnyRecord() {
        Gateway afterSales = Gateway.signIn(RunningSystem.gatewayUrl(), "aftersales");
        var started = afterSales.post("/api/campaigns", Map.of("name", "审计 " + MARK, "item", "台历", "stock", 5,
                "perMemberLimit", 1));
        assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(201);
        String campaign = started.body().get("id").asText();
        assertThat(afterSales.post("/api/campaigns/" + campaign + "/stock", Map.of("quantity", 10)).status())
                .isEqualTo(200);

        office.signIn("auditor", "en");
        office.go("/audit");
        office.waitFor(By.cssSelector("#audit-kind option[value='membership/campaigns']"));
        office.select(By.id("audit-kind"), "membership/campaigns").type(By.id("audit-record-id"), campaign)
                .click(By.id("audit-record-open"));
        office.waitForText(By.id("audit-record-title"), campaign);
        By stock = By.cssSelector("#audit-record-view [data-field='stock'] dd");
        office.until(d -> "15".equals(d.findElement(stock).getText()));
        assertThat(office.all(By.cssSelector("#audit-record-timeline li"))).hasSize(2);
        office.waitFor(By.id("audit-record-slider")).sendKeys(Keys.HOME);
        // the whole text: "15" holds a 5 too
        office.until(d -> "5".equals(d.findElement(stock).getText()));
        assertThat(office.all(By.cssSelector("#audit-record-timeline li.later"))).hasSize(1);
        office.screenshot("scenario-audit-any-record.en");
        signOut(office);
    }

    private static void signOut(Browser browser) {
        browser.click(By.id("sign-out"));
        browser.waitFor(By.id("username"));
    }
}
