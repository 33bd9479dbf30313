package com.kefu.deploy.console;

import com.kefu.deploy.Gateway;
import com.kefu.deploy.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supervisor's inbox in a real browser (C14, D20): an escalation arrives on the open page without a reload, the
 * supervisor acknowledges it and records instructions there, the complaint's page shows them; in zh, ru and en.
 */
class SupervisorInboxConsoleTest {

    private static final String MARK = UUID.randomUUID().toString().substring(0, 8);

    private static Browser browser;
    private static Gateway desk;
    private static Gateway aftersales;

    @BeforeAll
    static void open() {
        String url = RunningSystem.gatewayUrl();
        desk = Gateway.signIn(url, "desk");
        aftersales = Gateway.signIn(url, "aftersales");
        browser = Browser.open(url, Browser.DESK);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @DisplayName("C14 D20 an escalated MAJOR complaint appears live in the supervisor's inbox; acknowledged and given "
            + "instructions there, the complaint's page shows them")
    void supervisorActsOnTheLiveInbox() {
        browser.signIn("supervisor", "zh");
        browser.go("/escalations");
        browser.waitFor(By.cssSelector("#escalations-live[data-live='live']"));

        String id = register("扶梯夹伤 " + MARK);
        assertThat(aftersales.post("/api/complaints/" + id + "/escalate", Map.of("reason", "涉及人身安全 " + MARK))
                .status()).isEqualTo(200);
        String number = desk.get("/api/complaints/" + id).body().get("number").asText();
        By card = By.cssSelector("#escalations article[data-number='" + number + "']");
        WebElement arrived = browser.waitFor(card); // no reload: the stream brought it
        assertThat(arrived.getDomAttribute("data-acknowledged")).isEqualTo("false");
        assertThat(arrived.getText()).contains("扶梯夹伤 " + MARK, "涉及人身安全 " + MARK, "待确认");

        browser.click(By.cssSelector("#escalations article[data-number='" + number + "'] .acknowledge-escalation"));
        browser.until(d -> "true".equals(d.findElement(card).getDomAttribute("data-acknowledged")));
        assertThat(browser.waitFor(card).getText()).contains("主管已确认", "supervisor");

        browser.click(By.cssSelector("#escalations article[data-number='" + number + "'] .give-instructions"));
        By problem = By.cssSelector("#escalations article[data-number='" + number + "'] .problem");
        browser.until(d -> !d.findElement(problem).getText().isBlank()); // no text: refused beside the form (400)
        browser.type(By.id("instructions-" + id), "保留监控录像，今天答复客户 " + MARK);
        browser.click(By.cssSelector("#escalations article[data-number='" + number + "'] .give-instructions"));
        browser.waitForText(card, "保留监控录像，今天答复客户 " + MARK);
        for (String language : List.of("zh", "ru", "en")) {
            browser.language(language);
            browser.screenshot("supervisor-inbox." + language);
        }

        browser.language("zh");
        browser.go("/complaints/" + id);
        assertThat(browser.waitForText(By.id("complaint-supervisor-instructions"), MARK).getText())
                .contains("保留监控录像，今天答复客户 " + MARK, "supervisor");
        assertThat(browser.waitFor(By.id("complaint-supervisor-acknowledged")).getText()).contains("supervisor");
    }

    private static String register(String subject) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "VISIT");
        body.put("category", "FACILITY");
        body.put("severity", "MAJOR");
        body.put("customer", Map.of("name", "李先生", "phone", "13800001234"));
        body.put("subject", subject);
        var created = desk.post("/api/complaints", body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> desk.get("/api/complaints/" + id).status() == 200);
        return id;
    }
}
