package com.kefu.deploy.console;

import com.kefu.deploy.Gateway;
import com.kefu.deploy.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's frame in a real browser: sign-in, the language, the menu by role, a refusal in the user's words. */
class ConsoleTest {

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

    @ParameterizedTest(name = "{0}")
    @CsvSource({"zh, 用户名或密码不正确, 退出", "ru, Неверное имя пользователя или пароль, Выйти",
            "en, Wrong user name or password, Sign out"})
    @DisplayName("a wrong password is refused in the chosen language; signed in, the bar speaks it too")
    void signInInEachLanguage(String language, String wrongPassword, String signOut) {
        browser.signedOut().language(language);
        browser.screenshot("sign-in." + language);
        browser.type(By.id("username"), "desk").type(By.id("password"), "wrong").click(By.id("sign-in"));
        browser.waitForText(By.cssSelector(".signin .problem"), wrongPassword);

        browser.signIn("desk", language);
        assertThat(browser.waitFor(By.id("sign-out")).getText()).isEqualTo(signOut);
        browser.click(By.id("sign-out"));
        browser.waitFor(By.id("username"));
    }

    @Test
    @DisplayName("the chosen language is remembered across a reload and a new sign-in")
    void languageIsRemembered() {
        browser.signIn("desk", "ru");
        browser.driver().navigate().refresh();
        browser.until(d -> "ru".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertThat(browser.waitFor(By.id("sign-out")).getText()).isEqualTo("Выйти");
        browser.click(By.id("sign-out"));
        browser.driver().navigate().refresh();
        assertThat(browser.waitFor(By.id("sign-in")).getText()).isEqualTo("Войти");
        browser.language("zh");
    }

    @Test
    @DisplayName("a role with many pages gets them in groups: a group opens by click or keyboard and leads to its page")
    void menuInGroups() {
        browser.signIn("head", "zh");
        By complaints = By.cssSelector("[data-menu='core.group.complaints']");
        assertThat(browser.waitFor(complaints).getText()).isEqualTo("投诉与咨询");
        browser.click(complaints);
        browser.screenshot("menu.zh");
        browser.click(By.cssSelector("a[data-nav='complaints-queue']"));
        browser.until(d -> d.getCurrentUrl().endsWith("#/complaints"));
        // the group is marked once the page has rendered (the route is set then), not at the address's change
        browser.until(d -> d.findElement(complaints).getDomAttribute("class").contains("active"));
        assertThat(browser.driver().findElement(By.cssSelector("a[data-nav='complaints-queue']")).isDisplayed())
                .as("the group closes once a page is chosen").isFalse();

        browser.signIn("security", "zh");
        assertThat(browser.all(By.cssSelector("[data-menu]"))).as("a department's few pages stay in one row")
                .isEmpty();
        assertThat(browser.waitFor(By.cssSelector("a[data-nav='inbox-list']")).getText()).isNotBlank();
    }

    @Test
    @DisplayName("issue 19 the ADMIN creates an account (a weak password refused, naming it); its user signs in and "
            + "changes the password, the console carrying on with the new tokens and renewing an ended one; disabled, "
            + "the user is refused at sign-in")
    void accounts() {
        String username = "clerk-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String password = "a long walk by the river";
        browser.signIn("admin", "en");
        browser.click(By.cssSelector("a[data-nav='accounts-list']"));
        browser.waitFor(By.cssSelector("[data-test='account'][data-username='desk']"));
        browser.type(By.id("account-username"), username).type(By.id("account-password"), "short")
                .select(By.id("account-role"), "FRONT_DESK").click(By.id("account-create"));
        browser.waitForText(By.cssSelector("[data-test='accounts'] .card .problem"), "password: must be at least 10");
        browser.type(By.id("account-password"), password).click(By.id("account-create"));
        browser.waitFor(By.cssSelector("[data-test='account'][data-username='" + username + "']"));
        browser.screenshot("accounts.en");

        browser.signedOut().type(By.id("username"), username).type(By.id("password"), password)
                .click(By.id("sign-in")).waitFor(By.id("sign-out"));
        String before = (String) browser.script("return Kefu.token()");
        browser.click(By.id("change-password"));
        String newPassword = "another long walk home";
        browser.type(By.id("password-current"), password).type(By.id("password-new"), newPassword)
                .type(By.id("password-repeat"), newPassword).click(By.id("password-submit"));
        browser.waitFor(By.cssSelector("[data-test='password-changed']"));
        browser.screenshot("password.en");
        // the old password's token has ended: put back by hand, a call with it is refused, renewed once with the
        // refresh token the change brought, and answered
        Object status = browser.script("const ended = arguments[0];"
                + "Alpine.store('session').load(ended);"
                + "return Kefu.get('/api/users/me').then(answer => answer.status + ' ' + (Kefu.token() !== ended));",
                before);
        assertThat(status).isEqualTo("200 true");

        browser.signIn("admin", "en");
        browser.go("/accounts");
        browser.click(By.cssSelector("[data-username='" + username + "'] [data-test='account-toggle']"));
        browser.waitForText(By.cssSelector("[data-username='" + username + "'] [data-test='account-state']"),
                "Disabled");
        browser.signedOut().type(By.id("username"), username).type(By.id("password"), newPassword)
                .click(By.id("sign-in"));
        browser.waitForText(By.cssSelector(".signin .problem"), "This account is disabled");
    }

    @Test
    @DisplayName("issue 19 the CS head sets what a department is told of in the notification settings and saves it: the "
            + "gateway keeps it (shown so after a reload); a role's subscription is the ADMIN's, not editable here")
    void notificationSettings() {
        browser.signIn("head", "zh");
        browser.click(By.id("notification-settings"));
        By leasing = By.cssSelector("[data-test='subscription'][data-audience='department:leasing']");
        By escalated = By.cssSelector("[data-test='subscription'][data-audience='department:leasing'] "
                + "input[data-channel='email'][data-kind='escalated']");
        browser.waitFor(leasing);
        boolean before = browser.waitFor(escalated).isSelected();
        browser.click(escalated);
        browser.click(By.cssSelector("[data-test='subscription'][data-audience='department:leasing'] "
                + "[data-test='subscription-save']"));
        browser.waitFor(By.cssSelector("[data-test='subscription'][data-audience='department:leasing'] "
                + "[data-test='subscription-saved']"));
        browser.screenshot("notifications.zh");
        assertThat(browser.waitFor(By.cssSelector("[data-test='subscription'][data-audience='role:SUPERVISOR'] "
                + "input[data-channel='email'][data-kind='escalated']")).isEnabled()).isFalse();

        browser.driver().navigate().refresh();
        browser.waitFor(leasing);
        browser.until(d -> d.findElement(escalated).isSelected() != before);
        assertThat(browser.waitFor(By.cssSelector("[data-test='notifications-mine']")).getText()).contains("火警");
    }

    /**
     * Records every browser notification the page raises (a headless browser shows none): {@code window.Notification}
     * wrapped before any of the console's scripts runs, the real one still called.
     */
    private static final String RECORD_NOTIFICATIONS = """
            (() => {
              const Original = window.Notification;
              if (!Original) { return; }
              const raised = window.__raisedNotifications = [];
              function Recording(title, options) {
                raised.push({ title: String(title), body: String((options && options.body) || '') });
                return new Original(title, options);
              }
              Recording.prototype = Original.prototype;
              Object.defineProperty(Recording, 'permission', { get: () => Original.permission });
              Recording.requestPermission = (...args) => Original.requestPermission(...args);
              window.Notification = Recording;
            })();""";

    @Test
    @DisplayName("issue 19 a DEPARTMENT user's console, notifications allowed, raises a browser notification for a "
            + "fire reported at the desk while it is open, from the user's notification stream, in the user's language")
    void browserNotificationOfAFire() {
        String origin = java.net.URI.create(RunningSystem.gatewayUrl()).resolve("/").toString().replaceAll("/$", "");
        Object script = browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                java.util.Map.of("source", RECORD_NOTIFICATIONS)).get("identifier");
        browser.driver().executeCdpCommand("Browser.grantPermissions", java.util.Map.of("origin", origin,
                "permissions", java.util.List.of("notifications")));
        try {
            browser.signIn("security", "zh");
            browser.click(By.id("notification-settings"));
            browser.waitFor(By.cssSelector("[data-test='browser-permission'][data-permission='granted']"));
            browser.waitFor(By.cssSelector("[data-test='notification-stream'][data-connected='true']"));
            browser.screenshot("notifications-stream.zh");
            assertThat(browser.script("return window.__raisedNotifications.length")).isEqualTo(0L);
            // the stream is the console's, not the settings page's: on with the user's work on another page
            browser.click(By.cssSelector("a[data-nav='inbox-list']"));
            browser.until(d -> "inbox-list".equals(browser.script("return Alpine.store('route').page")));

            String place = "B2 仓库 " + java.util.UUID.randomUUID().toString().substring(0, 6);
            var fire = Gateway.signIn(RunningSystem.gatewayUrl(), "desk").post("/api/incidents", java.util.Map.of(
                    "category", "FIRE", "location", "B2 楼梯口", "reporter", "保安 李明", "description", "仓库冒烟",
                    "major", true, "fire", java.util.Map.of("fireLocation", place, "burning", "纸箱", "flame", true,
                            "smoke", true)));
            assertThat(fire.status()).as(String.valueOf(fire.body())).isEqualTo(201);

            // through dutylog's relay, Kafka, the gateway's notifications' consumer and the stream: a generous wait
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(90))
                    .until(d -> ((java.util.List<?>) browser.script(
                    "return window.__raisedNotifications.filter(n => n.body.includes(arguments[0]))", place))
                            .size() == 1);
            @SuppressWarnings("unchecked")
            var raised = (java.util.Map<String, String>) browser.script(
                    "return window.__raisedNotifications.find(n => n.body.includes(arguments[0]))", place);
            assertThat(raised.get("title")).isEqualTo("火警");
            assertThat(raised.get("body")).contains("地点: " + place).contains("纸箱");
        } finally {
            browser.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    java.util.Map.of("identifier", script));
            browser.driver().executeCdpCommand("Browser.resetPermissions", java.util.Map.of());
        }
    }

    /** Form controls on the page with no accessible name: no label for them, none around them, no aria-label/title. */
    private static final String UNLABELLED = """
            return [...document.querySelectorAll('main input, main select, main textarea')]
              .filter(e => e.type !== 'hidden' && e.offsetParent !== null)
              .filter(e => !((e.id && document.querySelector('label[for="' + CSS.escape(e.id) + '"]'))
                  || e.closest('label') || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')))
              .map(e => e.outerHTML.substring(0, 160));""";

    /** Things a mouse can click that the keyboard cannot reach: click handlers on elements that take no focus. */
    private static final String MOUSE_ONLY = """
            return [...document.querySelectorAll('main *')]
              .filter(e => e.getAttributeNames().some(n => n === '@click' || n === 'x-on:click'))
              .filter(e => !['BUTTON', 'A', 'INPUT', 'SELECT', 'TEXTAREA', 'LABEL', 'SUMMARY', 'FORM']
                  .includes(e.tagName) && !e.hasAttribute('tabindex'))
              .map(e => e.outerHTML.substring(0, 160));""";

    /** The page scrolls sideways on a tablet: the widest element that sticks out, or null. */
    private static final String TOO_WIDE = """
            return new Promise(done => setTimeout(() => {
              const width = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= width + 1) { done(null); return; }
              const wide = [...document.querySelectorAll('main *')]
                .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.table-wrap'))
                .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
              done(document.documentElement.scrollWidth + 'px > ' + width + 'px: ' + wide.slice(0, 3).join(', '));
            }, 300));""";

    @Test
    @DisplayName("every page of every role's menu: each field has a label, everything clickable takes the keyboard, "
            + "nothing makes a tablet scroll sideways")
    void everyPageIsLabelledAndKeyboardUsable() {
        java.util.List<String> findings = new java.util.ArrayList<>();
        int pages = 0;
        for (String user : new String[] {"desk", "aftersales", "head", "supervisor", "manager", "security",
                "broadcaster", "auditor", "admin"}) {
            browser.signIn(user, "ru");
            @SuppressWarnings("unchecked")
            var routes = (java.util.List<java.util.Map<String, String>>) browser.script(
                    "return Kefu.menu().map(r => ({path: r.path, page: r.page}))");
            for (var route : routes) {
                browser.go(route.get("path"));
                browser.until(d -> route.get("page").equals(browser.script("return Alpine.store('route').page")));
                browser.until(d -> !d.findElements(By.cssSelector("main > *")).isEmpty());
                browser.script("return new Promise(done => setTimeout(() => done(true), 400))");
                pages++;
                for (Object control : (java.util.List<?>) browser.script(UNLABELLED)) {
                    findings.add(user + " " + route.get("path") + " unlabelled: " + control);
                }
                for (Object element : (java.util.List<?>) browser.script(MOUSE_ONLY)) {
                    findings.add(user + " " + route.get("path") + " mouse only: " + element);
                }
                browser.driver().manage().window().setSize(Browser.TABLET);
                Object overflow = browser.script(TOO_WIDE);
                if (overflow != null) {
                    findings.add(user + " " + route.get("path") + " wider than a tablet: " + overflow);
                }
                browser.driver().manage().window().setSize(Browser.DESK);
            }
        }
        assertThat(pages).as("pages visited").isGreaterThan(25);
        assertThat(findings).isEmpty();
    }
}
